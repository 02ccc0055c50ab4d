// The signals that fire on one sentence, given who says it and how. Each detector is a small
// list of patterns; the weights and the threshold are in weights.ts.
import { dueOf } from './due-date';
import type { Signal, Speaker } from './types';

export interface SentenceContext {
	speaker: Speaker;
	form: 'spoken' | 'reported';
	satOn: string | null;
}

const any = (patterns: RegExp[], text: string) => patterns.some((p) => p.test(text));

const ADDRESSEE =
	"(?:the\\s+)?(?:Hon(?:\\.|ourable|'ble)?\\s+)?(?:Member|Members|House|Committee|Senator|Senate|Chair(?:person|man)?|Speaker|Mover)";

/** The Lok Sabha's standard expressions, adapted to Kenyan usage. */
const ASSURANCE = [
	new RegExp(
		`\\b(?:I|we)\\s+(?:shall|will|would|undertake to|promise to)\\s+(?:\\w+\\s+)?(?:inform|apprise|update|revert to|get back to|write to|communicate (?:to|with)|furnish|brief)\\s+${ADDRESSEE}`,
		'i'
	),
	/\b(?:I|we)\s+(?:shall|will)\s+(?:\w+\s+)?look into\b/i,
	/\b(?:enquiries|inquiries|investigations)\s+are\s+(?:being|now being)\s+(?:made|carried out|conducted|undertaken)\b/i,
	/\b(?:the\s+)?(?:matter|issue|question|proposal|suggestion|request)\s+is\s+(?:still\s+)?under\s+(?:active\s+|serious\s+)?(?:consideration|examination|review|discussion)\b/i,
	/\b(?:I|we)\s+(?:shall|will)\s+(?:\w+\s+)?write\s+to\b/i,
	/\b(?:I|we)\s+(?:shall|will)\s+take\s+(?:the\s+)?(?:necessary|appropriate|all necessary|due)\s+(?:action|steps|measures)\b/i,
	/\b(?:information|report|details|list|answer|response|statement)\s+(?:will|shall)\s+be\s+(?:laid|tabled|placed|furnished|provided|submitted|supplied)\b/i,
	/\b(?:lay|table|place)\s+(?:\w+\s+){0,4}on\s+the\s+Table\b/i,
	/\b(?:I|we)\s+(?:shall|will)\s+consider\s+(?:it|the\s+(?:matter|suggestion|proposal|request))\b/i,
	/\bsteps\s+are\s+(?:being|now being)\s+taken\b/i,
	/\b(?:I|we)\s+(?:undertake|promise|pledge|commit(?:\s+ourselves)?)\s+(?:to|that)\b/i,
	/\b(?:I|we)\s+(?:want\s+to\s+|wish\s+to\s+|would\s+like\s+to\s+|can\s+)?(?:assure|reassure)\s+(?:the\s+|this\s+|hon\.?\s+)?(?:Committee|House|Member|Members|Senate|Kenyans|the\s+public|you)\b/i,
	/\b(?:I|we)\s+(?:shall|will)\s+(?:bring|table|submit|furnish|provide|supply)\s+(?:a|the)\s+(?:written\s+|comprehensive\s+|detailed\s+|full\s+)?(?:report|response|answer|statement|information|details|list|brief|update)\b/i,
	/\b(?:I|we)\s+(?:shall|will)\s+(?:report|revert|come)\s+back\b/i,
	/\bnita(?:wasilisha|iarifu|mwarifu|leta|fuatilia|andikia)\b/i
];

/** What follows "we will" in talk about the sitting itself: "we will see", "I will be brief". */
const NOT_AN_UNDERTAKING =
	'(?!\\s+(?:also\\s+)?(?:be\\s+(?:happy|glad|pleased|grateful|brief|honest|candid|frank)|see\\b|recall|note|agree|reali[sz]e|notice|remember|find|appreciate|thank|hear|know|understand|bear\\s+with|forgive|excuse))';

const PERSON_FUTURE = [
	new RegExp(
		`\\b(?:I|we)\\s+(?:\\w+ly\\s+|also\\s+|then\\s+|now\\s+|still\\s+)?(?:will|shall|'ll|are\\s+going\\s+to|am\\s+going\\s+to|intend\\s+to|plan\\s+to|propose\\s+to|commit\\s+to|undertake\\s+to|aim\\s+to|expect\\s+to|are\\s+planning\\s+to|are\\s+set\\s+to|are\\s+determined\\s+to|are\\s+committed\\s+to|am\\s+committed\\s+to|are\\s+ready\\s+to|seek\\s+to|are\\s+seeking\\s+to)\\b${NOT_AN_UNDERTAKING}`,
		'i'
	),
	new RegExp(`\\b(?:I|we)'ll\\b${NOT_AN_UNDERTAKING}`, 'i'),
	/\bmy\s+(?:office|team|officers|ministry)\s+(?:will|shall)\b/i
];

const GOVERNMENT_SUBJECT =
	'(?:the|my|our|this|his|her|their)\\s+(?:\\w+\\s+){0,3}?(?:Ministry|State\\s+Department|Government|Department|Directorate|Service|Treasury|Authority|Commission|Agency|Board|Office|Secretariat|Administration|Police|Fund|Institute|Corporation|Council|Taskforce|Task\\s+Force|team|officers|unit|Executive)|the\\s+(?:Cabinet\\s+Secretary|CS|PS|Principal\\s+Secretary|Inspector[- ]General|National\\s+Treasury|DCI|NPS|KRA|SHA)|(?:he|she|they)';

const MINISTRY_FUTURE_SPOKEN = new RegExp(
	`\\b(?:${GOVERNMENT_SUBJECT})\\s+(?:\\w+ly\\s+|also\\s+|now\\s+)?(?:will|shall|is\\s+going\\s+to|are\\s+going\\s+to|intends?\\s+to|plans?\\s+to|proposes?\\s+to|is\\s+planning\\s+to|is\\s+set\\s+to|expects?\\s+to|is\\s+committed\\s+to|are\\s+committed\\s+to|commits?\\s+to|undertakes?\\s+to|aims?\\s+to)\\b`,
	'i'
);
const MINISTRY_FUTURE_REPORTED = new RegExp(
	`\\b(?:${GOVERNMENT_SUBJECT}|I|we)\\s+(?:\\w+ly\\s+|also\\s+|now\\s+)?(?:would|was\\s+going\\s+to|were\\s+going\\s+to|intended\\s+to|planned\\s+to|was\\s+planning\\s+to|was\\s+set\\s+to|had\\s+committed\\s+to|was\\s+committed\\s+to)\\b(?!\\s+(?:like|have|not))`,
	'i'
);

/** A named body as subject: "The Kenya Bureau of Standards will also test …", "Kenya Power shall …". */
const ORGANISATION_FUTURE =
	/(?:^|[,;]\s+|\b(?:and|that)\s+)(?:["“]?\s*)(?:the\s+)?(?!(?:It|This|That|There|We|You|They|He|She|Members|Kenyans|Hon|Committee)\b)(?:(?:\p{Lu}[\p{L}&-]*\s+(?:(?:of|and|for)\s+)?){0,5}(?:Authority|Board|Service|Bureau|Power|Commission|Agency|Corporation|Council|Fund|Institute|Directorate|Department|Treasury|Police|Office|Registry|Company|Tribunal|Secretariat|Unit)(?:\s+(?:(?:of|and|for)\s+)?\p{Lu}[\p{L}&-]*){0,4}|\p{Lu}{2,}[\p{L}]*)(?:\s+\(\p{Lu}+\))?\s+(?:will|shall)\s+(?:also\s+|now\s+|then\s+|\w+ly\s+)?(?!be\s+able)(?!have\b)\w+/u;

const OBJECT_FUTURE_ANY =
	/(?:^|[,;]\s+|\b(?:and|that)\s+)(?:["“]?\s*)(?:(?:the|a|an|this|these|all|every|each|our|its|their)\s+)?(?:[\w-]+\s+){0,7}?(?:will|shall)\s+(?:also\s+|\w+ly\s+)?(?:be\s+(?:\w+(?:ed|en|wn|id|lt|nt|ught)|in\s+place|ready|operational|completed?|done)|begin|start|commence|resume|go\s+live)\b/i;

const OBJECT_FUTURE =
	/\b(?:the|a|an|this|these|all|every|each)\s+(?:[\w-]+\s+){0,5}?(?:unit|bill|act|regulations?|policy|fund|funds|money|report|budget|allocation|officers?|framework|strategy|guidelines|programme|program|system|office|centre|center|facility|facilities|payments?|arrears|roads?|project|contracts?|list|names|audit|plan|law|amendments?|taskforce|task\s+force|board|authority|database|register|circular|scheme|money|reservists|stations?|posts?)\s+(?:will|shall)\s+(?:\w+ly\s+|also\s+)?(?:be\s+\w+(?:ed|en|t)|be\s+(?:in\s+place|ready|operational|done|complete|up)|start|begin|commence|come|go)\b/i;

const IN_PROGRESS = [
	/\b(?:we|I)\s+(?:are|am)\s+(?:now\s+|currently\s+|already\s+|also\s+)?(?:in\s+the\s+process\s+of|working\s+(?:with|on|towards|closely)|finali[sz]ing|developing|drafting|reviewing|preparing|engaging|consulting|processing|putting\s+in\s+place|putting\s+together|rolling\s+out|setting\s+up|establishing|recruiting|mobili[sz]ing|formulating|updating|amending|revising|negotiating|discussing\s+with|in\s+discussions?\s+with|in\s+talks\s+with)\b/i,
	new RegExp(
		`\\b(?:${GOVERNMENT_SUBJECT})\\s+(?:is|are|was|were)\\s+(?:now\\s+|currently\\s+|also\\s+|still\\s+)?(?:in\\s+the\\s+process\\s+of|working\\s+(?:with|on|towards)|finali[sz]ing|developing|drafting|reviewing|preparing)\\b`,
		'i'
	),
	/\b(?:is|are)\s+(?:now\s+|currently\s+)?being\s+(?:finali[sz]ed|drafted|reviewed|developed|processed|prepared|worked\s+on|set\s+up|established|recruited|rolled\s+out)\b/i,
	/\b(?:plans|arrangements|preparations|efforts|works?)\s+(?:are|is)\s+(?:now\s+|already\s+|well\s+)?(?:under\s?way|afoot|in\s+progress|being\s+made)\b/i,
	/\b(?:is|are)\s+(?:at\s+an\s+advanced\s+stage|before\s+(?:the\s+)?Cabinet|awaiting\s+(?:Cabinet|approval|gazettement|assent))\b/i
];

/** Swahili verbs with the future marker -ta- after a subject prefix: tutaweka, nitawasilisha. */
const KISWAHILI_FUTURE =
	/\b(?:ni|tu|a|wa|i|li|ki|vi|zi|u|ya)ta(?!ka(?:o|yo|cho|po|ye|vyo|mo)\b)([a-z]{3,})\b/gi;
const NOT_KISWAHILI_FUTURE = new Set([
	'utawala',
	'utaratibu',
	'utafiti',
	'utamaduni',
	'utalii',
	'watalii',
	'wataalamu',
	'wataalam',
	'utata',
	'kitabu',
	'vitabu',
	'kitanda',
	'vitanda',
	'italia',
	'ataturk',
	'itali',
	'itakavyo',
	'vitambulisho',
	'kitambulisho',
	'utapeli',
	'vitalu',
	'kitalu',
	'atakapo',
	'utakaso',
	'vitanzi',
	'kitanzi',
	'utabiri',
	'watahiniwa',
	'utakatifu',
	'itaja',
	'wataka'
]);
const ENGLISH_WORDS = /\b(?:a|i|u)ta(?:lics?|ble|x|king|ken|kes|lian|ck|ll|sk)\w*\b/i;

const CONCRETE =
	/\b(?:unit|authority|fund|funds|bill|act|policy|regulations?|report|budget|allocation|officers?|personnel|gazett\w+|framework|strategy|guidelines|office|commission|board|directorate|agency|centre|center|programme|program|law|legislation|amendments?|circular|taskforce|task\s+force|database|system|stations?|hospital|facilit(?:y|ies)|school|road|statement|billion|million|Kshs?\.?|KES|Sh\s?\d|recruit\w*|hire|deploy\w*|vehicles|audit|tender|arrears|payments?|list|names|data|reservists|mswada|sheria|sera|ripoti|bajeti|mfuko|kitengo|mamlaka|kanuni|fedha|shilingi|maafisa|orodha)\b/i;
const VAGUE_TIME =
	/\b(?:by\s+the\s+end\s+of|within\s+the|next\s+(?:week|month|year|quarter|session)|this\s+(?:week|month|quarter)|immediately|forthwith|shortly|in\s+the\s+coming\s+(?:weeks|months|days)|by\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|mwezi\s+ujao|wiki\s+ijayo|mara\s+moja)\b/i;

const QUESTION_START =
	/^(?:["“]?\s*)(?:could|can|will|would|when|what|why|how|where|which|who|is|are|does|do|did|has|have|may|shall|should|je)\b/i;
const QUESTION = [
	/\?\s*["”’)]*\s*$/,
	/\?\s*["”]?\s*(?:he|she|they|\w+)\s+(?:asked|wondered|posed|demanded)/i,
	/\b(?:could|can|would|will|may)\s+the\s+(?:CS|Cabinet\s+Secretary|PS|Principal\s+Secretary|Ministry|Government|witness|Accounting\s+Officer|Minister)\s+(?:tell|explain|confirm|clarify|inform|state|indicate|shed|enlighten|assure|undertake|table|commit)\b/i,
	/\bI\s+(?:would\s+like|want|wish|need)\s+(?:to\s+know|the\s+(?:CS|Cabinet\s+Secretary|PS|Ministry|witness)\s+to)\b/i,
	/\b(?:asked|wondered|demanded\s+to\s+know|sought\s+to\s+know|questioned)\s+(?:when|whether|why|how|what|if)\b/i,
	/\b(?:my|the)\s+question\s+(?:is|to\s+the)\b/i
];

const PROCEDURE = [
	/\b(?:the|this|our)\s+(?:Committee|House|Senate|Secretariat|Clerk|Clerks)\s+(?:will|shall|would|is\s+going\s+to|intends\s+to|resolves?\s+to|should)\b/i,
	/\b(?:we|I)\s+(?:will|shall|are\s+going\s+to)\s+(?:now\s+)?(?:proceed|move\s+(?:on|to)|go\s+to|break|adjourn|suspend|resume|take\s+a\s+break|hear|invite|call\s+upon|give\s+(?:the\s+)?(?:floor|chance|opportunity)|allow|start\s+with|begin\s+with|take\s+(?:questions|you\s+through|the\s+Committee\s+through|Members\s+through)|respond\s+to|answer|go\s+through|highlight|summari[sz]e|conclude|stop\s+there|read|table\s+the\s+(?:presentation|submission)|hand\s+over|ask\s+(?:the\s+)?(?:PS|Principal|Director|team|officers?|my)|request\s+(?:the\s+)?(?:PS|Principal|Director)|write\s+to\s+the\s+(?:Ministry|CS|Cabinet\s+Secretary|National\s+Treasury|Treasury|witness)|summon|visit|retreat|consider\s+the\s+report|prepare\s+(?:our|a|the)\s+report|be\s+brief|not\s+take\s+(?:much|long))\b/i,
	/\b(?:I|we)\s+(?:now\s+)?(?:invite|call\s+upon|give\s+the\s+floor|recogni[sz]e)\b/i,
	/\blet\s+(?:us|me)\s+(?:now\s+)?(?:proceed|move|go|start|begin|hear|take|invite|call|allow|give|adjourn|thank)\b/i,
	/\b(?:meeting|sitting|House)\s+(?:is|was|stands)\s+(?:adjourned|suspended)\b/i,
	/\b(?:next\s+(?:agenda|item|order)|Order\s+No\.?|(?:the\s+)?Question\s+(?:is|was)\s+put)\b/i,
	/\b(?:we|I)\s+shall\s+(?:now\s+)?adjourn\b/i,
	/\b(?:I|we)\s+will\s+(?:then\s+)?(?:give|allow)\s+(?:you|Members|the\s+Member|Hon\.)\s+(?:\w+\s+)?(?:the\s+)?(?:floor|chance|opportunity|time|minutes?|\d+\s+minutes)\b/i,
	/\b(?:tutaendelea\s+na|nitamwalika|nitamkaribisha|nitawapa\s+nafasi|tutaahirisha|kikao\s+kimeahirishwa|nitampa\s+nafasi|tutaanza\s+na|nitajibu|tutajibu|nitaeleza|nitazungumza|nitasoma|nitaanza|nitamwomba|nitamuomba|nitaomba)\b/i,
	// A minister handing over within the sitting: "The Principal Secretary will give the figures."
	/\b(?:the\s+)?(?:PS|Principal\s+Secretary|Director(?:[- ]General)?|Accounting\s+Officer|Chief\s+Executive|CEO|Commissioner|my\s+(?:PS|colleague|team|officers?|technical\s+team))\s+(?:will|shall|is\s+going\s+to)\s+(?:now\s+|then\s+)?(?:give|take|respond|answer|present|address|explain|highlight|read|speak|handle|elaborate|clarify|walk)\b(?![^.]*\b(?:written|in\s+writing|within|by\s+the\s+end|report\s+to)\b)/i
];

const PAST = [
	/\b(?:we|I|the\s+\w+(?:\s+\w+)?)\s+(?:have|has|had)\s+(?:already\s+|since\s+|recently\s+|also\s+|just\s+|so\s+far\s+|successfully\s+)?(?:been\s+)?(?:\w+ed|done|set|begun|made|given|taken|built|put|sent|paid|written|held|met|spent|brought|drawn|won|sold|seen|undertaken|begun|shown|laid|known)\b/i,
	/\b(?:was|were)\s+(?:already\s+|successfully\s+)?(?:established|created|enacted|passed|gazetted|recruited|released|allocated|set\s+up|launched|completed|signed|paid|disbursed|approved|done|started|constituted|formed|tabled|submitted|adopted|deployed|trained|handed)\b/i,
	/\b(?:we|I)\s+(?:did|established|created|recruited|released|launched|completed|set\s+up|started|began|signed|developed|conducted|paid|disbursed|allocated|deployed|trained|submitted|tabled|gazetted|enacted|passed|held|met|visited|wrote|issued|hired|commissioned|acquired|procured|closed|suspended|published)\b/i,
	/\b(?:last|previous)\s+(?:year|month|week|financial\s+year)\b/i,
	/\b(?:tume(?:sha)?|nime(?:sha)?|wame(?:sha)?|ime(?:sha)?|ame(?:sha)?|tuli|nili|wali|ili)[a-z]{3,}\b/i
];

const CONDITIONAL = [
	/\b(?:if|unless|provided\s+that|should\s+the|were\s+the)\b[^.]*\b(?:we|I|the\s+\w+)\s+(?:would|could|might)\b/i,
	/^(?:["“]?\s*)(?:if|unless|kama|iwapo)\b/i,
	/\b(?:we|I)\s+would\s+(?:have|be\s+able|need|require|like|wish|want|prefer|urge|request|suggest|propose)\b/i,
	/\b(?:we|I)\s+(?:could|might|may)\s+(?:\w+\s+)?(?:consider|look|need|have)\b/i
];

const LAW_QUOTE = [
	/\b(?:the|this)\s+(?:Act|Constitution|law|Regulations?|Bill|section|Article|clause|Standing\s+Order)\s+(?:shall|provides?|states?|requires?|says|stipulates?)\b/i,
	/\b(?:section|article|clause|regulation|paragraph|Standing\s+Order)\s+\d+[\w()]*\s*(?:of\s+the\s+[\w\s,]+?)?\s*(?:provides|states|requires|says|stipulates)\b/i,
	/\b(?:provides|stipulates|states)\s+that\b[^.]*\bshall\b/i,
	/\bshall\s+be\s+(?:guilty|liable)\b/i
];

function kiswahiliFuture(text: string): boolean {
	for (const m of text.matchAll(KISWAHILI_FUTURE)) {
		const word = m[0].toLowerCase();
		if (NOT_KISWAHILI_FUTURE.has(word) || ENGLISH_WORDS.test(word)) continue;
		return true;
	}
	return false;
}

function isQuestion(text: string, ctx: SentenceContext): boolean {
	if (any(QUESTION, text)) return true;
	// "Will the Ministry …" opening a Member's sentence without its question mark.
	return (
		(ctx.speaker.role === 'member' || ctx.speaker.role === 'chair') && QUESTION_START.test(text)
	);
}

const GOVERNMENT = new Set(['minister', 'official']);

/** The signals that fire on `text`, spoken or reported as `ctx` says. */
export function signalsOf(text: string, ctx: SentenceContext): Signal[] {
	const signals: Signal[] = [];
	const government = GOVERNMENT.has(ctx.speaker.role);
	const reported = ctx.form === 'reported';
	if (any(ASSURANCE, text)) signals.push('assurance_expression');
	if (any(PERSON_FUTURE, text)) signals.push('first_person_future');
	if (MINISTRY_FUTURE_SPOKEN.test(text) || (reported && MINISTRY_FUTURE_REPORTED.test(text))) {
		signals.push('ministry_future');
	}
	if (
		(government || reported) &&
		(OBJECT_FUTURE.test(text) || OBJECT_FUTURE_ANY.test(text) || ORGANISATION_FUTURE.test(text))
	) {
		signals.push('object_future');
	}
	if (any(IN_PROGRESS, text)) signals.push('in_progress');
	if (kiswahiliFuture(text)) signals.push('kiswahili_future');
	const committing = signals.length > 0;
	if (CONCRETE.test(text)) signals.push('concrete_object');
	// A time matters only to a sentence that undertakes something (and chrono is the slow part).
	if (committing && (VAGUE_TIME.test(text) || dueOf(text, ctx.satOn))) signals.push('time_phrase');
	if (government) signals.push('government_speaker');
	if (reported) signals.push('reported_speech');
	const question = isQuestion(text, ctx);
	if (question) signals.push('question');
	if (any(PROCEDURE, text) && !government) signals.push('procedure');
	else if (government && any(PROCEDURE.slice(1), text) && !any(ASSURANCE, text))
		signals.push('procedure');
	// "We have drafted the Bill and will table it" is an undertaking, not a past action.
	if (!committing && any(PAST, text)) signals.push('past_action');
	if (any(CONDITIONAL, text)) signals.push('conditional');
	if (any(LAW_QUOTE, text)) signals.push('law_quote');
	if (
		!question &&
		!signals.includes('procedure') &&
		(ctx.speaker.role === 'member' || ctx.speaker.role === 'chair')
	) {
		signals.push('member_remark');
	}
	return signals;
}
