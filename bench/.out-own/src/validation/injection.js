/**
 * Deterministic prompt-injection screen. A deliverable (or any text a judge reads) that tries
 * to instruct the judge — "ignore previous instructions", "mark this as passed", a forged
 * system turn, a fake verdict — fails validation whatever the model judges answer.
 *
 * The text is folded first so the usual disguises do not help: Unicode compatibility forms
 * (full-width letters), invisible and bidi characters removed, hidden "tag" characters
 * (U+E0020–U+E007E, ASCII smuggling) decoded and scanned too, whitespace collapsed.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Tag characters, except inside an emoji subdivision flag (U+1F3F4 + tags + U+E007F). */
const TAG_RUN = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|([\u{E0000}-\u{E007F}]+)/gu;
/** Named patterns over the folded, lower-cased text. Each names what it catches. */
const PATTERNS = [
    { id: 'ignore_instructions', re: /\b(ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}?\b(previous|prior|above|earlier|preceding|all|any|your|the|system|original)\b[^.\n]{0,40}?\b(instructions?|prompts?|rules|guidelines|directions|criteria|rubric|messages?)\b/ },
    { id: 'judge_directive', re: /\b(mark|rate|grade|score|judge|evaluate|classify|label|flag|report)\s+(this|it|me|the\s+(deliverable|submission|output|work|response|answer|result|job|task|delivery)|my\s+\w+)\s+(as\s+)?(a\s+)?(passed|pass|passing|approved|accepted|valid|correct|successful|compliant|perfect|10\s*\/\s*10|100\s*%?)\b/ },
    { id: 'verdict_directive', re: /\b(you\s+(must|should|will|shall|have\s+to)|please|always)\s+(return|output|respond\s+with|answer\s+with|set|give)\b[^.\n]{0,40}\b(passed|"passed"|approved|confidence\s*[:=]?\s*(1|0\.9\d*|100))\b/ },
    { id: 'address_judge', re: /\b(dear|attention|note\s(to|for)|message\s(to|for)|instructions?\s(to|for)|hey|hello|hi) ?[,:]? (the\s)?(ai|llm|language\s+model|model|judge|validator|grader|evaluator|arbiter|arbitrator|assistant|reviewing\s+(ai|model|bot))\b/ },
    { id: 'chat_markup', re: /<\|im_start\|>|<\|im_end\|>|<\|(system|assistant|user|endoftext|eot_id|start_header_id)\|>|\[\/?inst\]|<<\/?sys>>|<\s*\/?\s*(system|assistant|developer|tool_call|function_calls|untrusted)\b[^>]*>/ },
    { id: 'role_prefix', re: /(?:^|\n)[ #*>-]{0,10}(system|developer) ?(prompt|message|instructions?|override|note)? ?: ?(you|ignore|the|new|from now)/ },
    { id: 'new_instructions', re: /\b(new|updated|real|actual|hidden|secret|additional|important)\s+(system\s+)?(instructions?|prompt|directives?)\s*(for\s+(the\s+)?(ai|model|judge|validator|assistant)\s*)?:/ },
    { id: 'role_play', re: /\byou\s+(are|will\s+be|must\s+be)\s+now\b|\bfrom\s+now\s+on\s*,?\s+you\b|\bact\s+as\s+(a|an|the)\s+(different|new|unrestricted)\b/ },
    { id: 'verdict_forgery', re: /"?passed"?\s*:\s*true\b[^}]{0,300}"?confidence"?\s*:|"?confidence"?\s*:\s*[01](\.\d+)?\b[^}]{0,300}"?passed"?\s*:\s*true\b/ },
    { id: 'jailbreak', re: /\b(jailbreak|dan\s+mode|developer\s+mode\s+(enabled|on)|do\s+anything\s+now)\b/ },
];
/** Decode tag characters (U+E0020–U+E007E mirror ASCII 0x20–0x7E). */
function decodeTags(run) {
    let out = '';
    for (const ch of run) {
        const cp = ch.codePointAt(0);
        if (cp >= 0xe0020 && cp <= 0xe007e)
            out += String.fromCharCode(cp - 0xe0000);
    }
    return out;
}
/** The text as the screen reads it, plus what was hidden in tag characters. */
export function fold(text) {
    let hidden = '';
    const noTags = text.replace(TAG_RUN, (_m, flag, run) => {
        if (flag)
            return ''; // an emoji subdivision flag, not smuggled text
        hidden += decodeTags(run ?? '') + ' ';
        return '';
    });
    // Whitespace folded to single spaces and single newlines, so the patterns' windows stay short.
    const folded = noTags.normalize('NFKC').replace(INVISIBLE, '').replace(/[ \t\f\v\r]+/g, ' ').replace(/ ?\n[\n ]*/g, '\n').toLowerCase();
    return { folded, hidden: hidden.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() };
}
const MAX_HITS = 10;
const EXCERPT_CHARS = 80;
/** Scan `text` for instructions aimed at a judge. Deterministic; linear-time patterns on bounded windows. */
export function detectInjection(text) {
    const { folded, hidden } = fold(text);
    const hits = [];
    if (hidden)
        hits.push({ pattern: 'hidden_tag_characters', excerpt: hidden.slice(0, EXCERPT_CHARS) });
    for (const source of hidden ? [folded, hidden] : [folded]) {
        for (const p of PATTERNS) {
            if (hits.length >= MAX_HITS)
                break;
            const m = p.re.exec(source);
            if (m && !hits.some((h) => h.pattern === p.id))
                hits.push({ pattern: p.id, excerpt: source.slice(Math.max(0, m.index), m.index + EXCERPT_CHARS).trim() });
        }
    }
    return { detected: hits.length > 0, hits };
}
//# sourceMappingURL=injection.js.map