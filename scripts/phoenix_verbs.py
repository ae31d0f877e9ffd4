#!/usr/bin/env python3
"""Converts the Phoenix PETRARCH verb dictionary (CAMEO.2.0.txt) into our pattern format.

usage: python3 scripts/phoenix_verbs.py [--source CAMEO.2.0.txt] [--out data/verbs] [--report]
                                        [--all-synonyms] [--dry-run] [--dump]

Reads the Phoenix verb dictionary (MIT licence, Copyright (c) 2015 Open Event Data Alliance;
format: ../shared/data/petrarch2/dictionaries.rst; default path
../shared/data/petrarch2/dictionaries/phoenix/CAMEO.2.0.txt from the repository root) and
writes data/verbs/NN-phoenix.txt, one file per CAMEO root 01..20, plus
data/verbs/LICENSE-phoenix with the licence of the source. The licence file has no .txt ending
on purpose: load_verb_dictionary() reads every *.txt file of data/verbs/ as patterns, whatever
its name. Our format: docs/verb-dictionary.md. Python 3 standard library only; the output
depends only on the source, data/cameo/ontology.tsv and our own data/verbs/NN-*.txt (rerun it
when those change). The counts (patterns per root, skips by reason, atoms dropped) go to
stderr; --report adds examples of each skip.

Heads
  * A block `--- NAME [CODE] ---` lists verbs, one a line: the first word of each line,
    lower-cased, is a head lemma; `{...}` holds inflections, used only to recognise the verb
    a pattern's comment names. Lines that are themselves inflections or nouns (BURNT, SAW,
    CONCESSION) are mapped by VERB_LEMMAS or skipped (NOT_VERBS).
  * A head whose code (the line's own `[CODE]`, else the block's) is not `---` gives a bare
    pattern `CODE<TAB>head`, except the verbs of GENERAL_VERBS: general verbs (say, make,
    take, give, get, go, put, set, hold, find, lead...), verbs whose block code is wrong for
    them alone (intrude 013, annoy 140, involve 012) and verbs too ambiguous on news (decline
    120, fail 120, decide 030, want 030); chosen by reading the output and the events it adds
    on AFP/Xinhua news.
  * Multi-word verbs `+CORDON_OFF`: head + `prt:` when the second word is a particle
    (PARTICLES); the others (`+ASK_FOR`, `WIRE_+TAP`, `+KILLED_AND`, `+TAKE_CONTROL`, three
    words) are skipped with the patterns written for them.
  * The heads a pattern applies to: PETRARCH applies every pattern of a block to all its
    verbs, but blocks are loose synonym sets (ARRANGE holds arrange, base, format, place,
    pose, post, put, set, stage, station...) and each pattern's comment names the verb it was
    written for ("- * STRIKE [143] # STAGE"). A pattern goes to the block verbs its comment
    names (in any inflection: KILLED_AND, LAID_DOWN, PULLBACK); a comment naming only verbs
    outside the block or verbs we skip (URGE in DEMAND, WENT_TO) -> the pattern is skipped; no
    verb named -> the verb the block is named after, else every verb of the block.
    --all-synonyms applies every pattern to every verb of its block, as PETRARCH does
    (noisy: "base obj:strike", "format obj:strike").
Patterns (`- PRE * POST [CODE] # comment`)
  * Words before `*` (a subject: `- &MILITARY * [154]`) cannot be written: skipped.
  * `WORD` after the verb -> `obj:word`; `{ADJ NOUN}` -> `obj:noun mod:adj`; `{A B C}` (three
    or more words) -> skipped (one `mod:` list cannot require two modifiers).
  * `(PREP NP)`, and `PREP NP` without parentheses where PREP is a preposition (PREPOSITIONS)
    -> `prep:prep:noun` (with `mod:` for a braced phrase); `(PREP)`, or PREP last ->
    `prep:prep` (any object, which becomes the target; `prep:by` gets `target:obj`: the
    by-phrase is the agent of a passive); `(PREP +)`, `PREP +` -> `prep:prep target:prep:prep`.
    One object and one phrase at most: two phrases, or an object after a phrase -> skipped.
    A gerund after a preposition also gives its verb lemma ("(FOR VIOLATING)" ->
    `prep:for:violating|violate`: our parser makes it a clause with a mark).
  * A particle (BARE_PARTICLES: up, down, out, off, back, away, aside...) right after the
    verb -> `prt:` ("- * OUT VIEWS" -> `set prt:out obj:view`; "(ASIDE RIFT)" likewise).
  * `TO VERB`, `(TO VERB)`, `TO_VERB` (VERBS_AFTER_TO) -> `xcomp:verb`, then `xobj:` /
    `xprep:` for an object / phrase after it; a bare verb right after the verb (BARE_XCOMP:
    "- * INTERVENE # ASK") -> `xcomp:`; `(TO VERB)` after an object (xcomp or acl, our parser
    decides) -> skipped.
  * An adjective (ADJECTIVES) right after the verb ("- * RESPONSIBLE [110] # BELIEVE") ->
    `xcomp:adj` (UD: "believe him responsible"); after an object -> skipped.
  * Adverbs (ADVERBS: forward, publicly, ...), determiners, conjunctions, bare verbs and
    truncated stems (NOT_NOUNS) where a noun is expected -> skipped; "no"/"not" before a noun
    ("{NO &EVIDENCE}") -> skipped (the negation cannot be written).
  * Synsets `&NAME` expand to their members as `|` alternatives. Two-word members become
    head + `mod:` (`&MILITARY` -> `obj:military|army|troop|troops|...` and
    `obj:force mod:armed|ground|special`); members whose head word is itself a member are
    dropped (`assault rifle` is covered by `rifle`); members of three or more words, with a
    function word (BOW_AND_ARROW, GO-BETWEEN) or with digits or other characters our
    lemmas cannot hold (F-16, F/A-18) are dropped. In a modifier slot a member gives its
    last word. Combinations that would need two modifiers (object and phrase both
    modified) are dropped.
  * Words with `/` are alternatives ("(IN FAVOUR/FAVOR)"); spelling slips and truncated
    stems of the source are mended by SPELLING (MILIARY, COOPERAT, PENALT).
  * Hyphenated words are split as our tokenizer splits them: "cease-fire" -> `fire mod:cease`.
  * Nouns are lemmatised as our lemmatizer does (checked with `sitrep parse`): lower case,
    plural -> singular by rule, NOUN_LEMMAS for irregular plurals and for plurals our
    lemmatizer keeps (troops -> `troop|troops`, gunmen -> `gunman|gunmen`); MOD_LEMMAS for
    modifiers it reads as verbs (displaced -> `displaced|displace`).
  * `$`, `+` (except in `PREP +`), `^`, `%`: skipped. `~` transformations: skipped.
  * Codes: `[a:b]` -> a; `[a:a]` (the same event both ways) -> a with `symmetric`, and so
    is every 046 (negotiation holds both ways: "X resumed peace talks in Y"); `[:b]`
    (no source->target code) and `[---]` (null: the pattern only blocks others, which our
    format cannot say) -> skipped; a code not in data/cameo/ontology.tsv -> skipped.
  * EXCLUDE_LINES: source lines left out after review, each with its reason (they contradict
    a documented choice of ours, e.g. formal charges are 173, or are wrong on news).
Overlaps
  * Patterns are compared slot by slot after expanding each `|` list ("atoms": one lemma per
    slot); `target:` and `symmetric` are not part of a match, and ours "head target:prep:P"
    counts as "head prep:P".
  * An atom equal to one of ours (data/verbs/NN-*.txt other than NN-phoenix.txt) is dropped:
    ours win, whatever the code. So no Phoenix pattern repeats one of ours or overlaps one
    of the same shape.
  * Among Phoenix atoms: the same atom with the same code -> the first is kept; with codes on
    one line of descent (020 and 022, 140 and 143) -> the most specific code; with unrelated
    codes (026, 028 and 036 for "ask obj:meeting") -> all dropped.
  * The surviving atoms of each source line are merged back into `|` lists (exactly their
    union); each output line's comment names its source line, the verb(s) it was written
    for and the source pattern.
"""
import argparse
import collections
import itertools
import os
import re
import sys

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_SOURCE = os.path.join(REPO, "..", "shared", "data", "petrarch2", "dictionaries", "phoenix", "CAMEO.2.0.txt")
SOURCE_NAME = "CAMEO.2.0.txt"

# Particles: a second word of a multi-word verb, or a word right after the verb.
PARTICLES = {"up", "down", "out", "off", "back", "away", "forth", "over", "in", "aside", "apart"}
# Words right after the verb that are particles, not prepositions, even before a noun.
BARE_PARTICLES = {"up", "down", "out", "off", "back", "away", "forth", "aside", "apart"}
PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "alongside", "amid", "amidst", "among",
    "amongst", "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides",
    "between", "beyond", "by", "concerning", "despite", "during", "except", "following", "for",
    "from", "in", "including", "inside", "into", "like", "near", "of", "on", "onto", "outside",
    "over", "past", "per", "regarding", "since", "through", "throughout", "to", "toward",
    "towards", "under", "underneath", "unlike", "until", "upon", "via", "with", "within",
    "without",
}
# CAMEO 046, engage in negotiation: it takes two, so a Phoenix pattern of it holds both ways.
NEGOTIATE = "046"

# Bare heads not written (see the docstring): general verbs, and verbs whose block code is
# wrong for them on their own. Filled after reviewing the output on news (scripts docstring).
GENERAL_VERBS = set("""
    see saw view watch witness notice count figure total tally sum measure score spread scatter copy
    mimic imitate impress dispense diffuse dissipate distribute calculate gauge await anticipate
    foresee address refer echo observe punctuate propagate portend presage prefigure prognosticate
    forebode foreshadow foretell augur auspicate bemock envisage define depict rationalize talk
    pinpoint spotlight clear watch
    involve concern intrude obtrude pry trespass comfort
    apply desire hint
    aim certify comply decide determine endeavor endeavour ensure expect gear groom intend mean plan
    prepare ready seek strive subscribe train vote want signal resurrect resuscitate
    acquaint amass approach arrive assemble brave cluster confront conglomerate congregate conjoin
    consider constellate converge depart egress elicit embark encounter excogitate face find flock
    gather go hear innovate insert introduce join journey learn leave meditate muse ponder
    promulgate reason reconsider reinvite ruminate speculate think tour travel unite kick
    admit advertise advertize affect agree associate barter concert confess confide conform correlate
    deal divulge expose exuberate exult impact influence integrate orchestrate organise organize
    persuade profess promote rejoice synchronise synchronize tempt triumph unionise unionize unveil
    celebrate inspire prefer reassert recognise recognize revitalize rouse spur value galvanize
    invigorate enliven embolden prize
    intervene
    abate accord administer allocate allot ameliorate amplify appease apportion assign assuage attach
    augment award benefit bequeath bestow better bind blend boost chain coalesce combine compound
    conduct conflate connect constitute control deepen dictate direct ease enact endow enhance enjoin
    enlarge enlist enroll entrust escalate establish exaggerate exchange expand expediate facilitate
    fuse give govern grant handle head heighten improve increase institute intensify issue lead link
    loan magnify manage mitigate oversee prescribe provide re-establish redouble regulate relate
    rule serve simplify steer step supervise supervize supply task tie unify
    buy pay purchase sponsor furnish gear outfit render stock tender attire
    contribute help interfere stabilise stabilize tend ward
    abandon abide accede acquiesce allow authorise authorize bide clear countenance detach disconnect
    disentangle emancipate empower enable fill forswear free get hash intermediate legislate loosen
    pass permit recede relax resettle resolve retire satify settle talk tease tolerate unblock undo
    unloose untie verify back
    analyse ascertain check comb dig explore glance look mine rake research scan search skim spy
    study sweep unearth
    adjure bid campaign crusade decree necessitate need press push
    argue aver avow blaspheme claim compete contend contest contrast contravene counterbalance cry
    debase defile degrade differ discourage disgrace dishearten express fire humble oppugn slight
    suspect swear wail weep whine lecture charge compensate
    decline defect defer delay fail forestall hamper hinder impede inhibit obstruct override
    overrule postpone prevent procrastinate remit retard stall stymie table break risk
    agonise agonize annoy arouse badger bother discomfit disconcert disquiet disturb enkindle harry
    hassle irk irritate pester plague provoke rag torment upset vex
    drum garner marshal
    abort countermine disarray disorder disrupt throw undermine
    bill block cage constrain contain enclose enforce force impel impose inflict levy moderate
    reimpose reinforce segregate withhold restrain
    appropriate catch extract grab overturn pluck pull revolutionise subvert take
    bar disallow illegalise interdict tax confine remove
    contaminate corrupt crack damage harm hurt impair lash mar rip spoil tarnish tear vitiate wrestle
    dishonor dishonour
    best blow bust circle conflict dominate engage eradicate grapple hammer hang hit master match
    overcome overshadow overtake overwhelm pit quarrel ruin shatter smash struggle surmount target
    die crush devastate surround stamp counter trade shelter defeat quote
    infest inhabit reside cut revolutionize ravish submit debate merge swap underwrite convene
""".split())
# Source lines left out after reviewing the output on news (sitrep events over AFP/Xinhua
# articles): line -> why.
EXCLUDE_LINES = {
    5442: "met with leaders is 040 (our 04 choices), not 036", 5443: "met for talks is 040, not 036",
    5444: "met at a place is 040, not 036",
    1999: "flying into a place is a trip, not a force posture (154)",
    2378: "making a visit is 042 (ours), not 036", 4565: "announcing a plan is not diplomatic cooperation (032)",
    7553: "formal charges are 173 (docs/verb-dictionary.md), not 112x", 7570: "formal charges are 173",
    7582: "formal charges are 173", 7583: "formal charges are 173",
    4380: "speaking/consulting with is 040 (our 04 choices), and the (all) block has utter, verbalise",
    7758: "(BY) after any verb of annoyance: the by-phrase is the cause, not an event (012)",
    1870: "presenting evidence is not an accusation of war crimes (1124)",
    6402: "'* BACK' for every verb of OVERSEE_MANAGE (administer back, govern back...) is noise",
    8602: "'destroy outside' is not a demonstration (141): the line belongs to another verb",
    8866: "killing civilians is 1823/180; 202 is mass killing",
    8197: "an arrest is 173 whoever is arrested (docs/coder.md); 175 is violent repression",
    8198: "an arrest is 173", 8199: "an arrest is 173", 8201: "an arrest is 173", 8202: "an arrest is 173",
    8200: "an arrest is 173", 8203: "an arrest is 173", 8204: "an arrest is 173", 7978: "a detention is 173",
}

# Phrasal verbs kept bare although their verb is in GENERAL_VERBS.
KEEP_PHRASAL = {("reach", "out"), ("back", "off"), ("draw", "back"), ("drop", "out"), ("give", "up"),
                ("call", "up"), ("call", "off"), ("take", "over"), ("burn", "down"), ("clamp", "down"),
                ("hunt", "down"), ("boot", "out"), ("lash", "out"), ("dress", "down"), ("shoot", "down"),
                ("wipe", "out"), ("fight", "back"), ("string", "up"), ("square", "off"), ("step", "in")}
# Verb lines that are not verb lemmas: inflections written as their own line, and nouns.
VERB_LEMMAS = {
    "burnt": "burn", "deterring": "deter", "dispelling": "dispel", "losing": "lose", "lost": "lose",
    "worried": "worry", "forgave": "forgive", "forgiven": "forgive", "touring": "tour", "saw": "see",
    "understood": "understand",
}
NOT_VERBS = {"reassesment", "concession", "crackdown", "collision", "confidence", "backlash"}

# Words of the patterns, classified by hand (with UD English EWT's tags for a first sort).
# Adjectives: right after the verb an open complement ("believe X responsible"), in braces a
# modifier, never a noun.
ADJECTIVES = {
    "ablaze", "afire", "aggressive", "bitter", "calm", "close", "closer", "concerned", "confined",
    "convinced", "dangerous", "dead", "deadlocked", "defiant", "disastrous", "dismal", "exempt",
    "farcical", "free", "furious", "guilty", "happy", "hopeful", "illegal", "illegitimate",
    "impatient", "impossible", "independent", "innocent", "invalid", "isolated", "lawless",
    "legitimate", "neutral", "optimistic", "pessimistic", "perfidious", "positive", "possible",
    "provocative", "ready", "resentful", "responsible", "sceptical", "skeptical", "silent", "sorry",
    "tense", "troubling", "unacceptable", "uncertain", "unfair", "unjust", "unjustified", "unlikely",
    "unreliable", "untrue", "unusual", "urgent", "vitriolic", "wary", "welcome", "willing",
    "worried", "committed", "opposed", "friendly", "negative", "scathing", "stinging", "injured",
}
ADVERBS = {
    "ahead", "angrily", "badly", "bitterly", "coolly", "critically", "furiously", "further",
    "forward", "militarily", "peacefully", "positively", "publicly", "sharply", "strongly",
    "together", "warily", "apart", "low", "politely", "again", "abroad",
}
# Function words, and content words that cannot stand for the noun PETRARCH meant here
# (verbs written bare, truncated stems whose word is unclear).
NOT_NOUNS = {
    "a", "an", "the", "another", "each", "and", "or", "if", "that", "whether", "when", "it", "no",
    "not", "since", "agree", "allow", "assert", "kidnap", "initiate", "meet", "shut", "split",
    "posit", "econ", "violat", "restor", "expects", "planned", "requested", "banned", "closed",
    "crashed", "forming", "growing", "involving", "holding", "broken", "rocked", "treated",
    "hitting", "lifting", "imposing", "massacring", "talking", "spending", "closing", "it",
    "celebrate", "congratulate", "inspect", "deport", "intervene", "resign",
}
# Verbs written bare right after the verb: an open complement ("asked X to intervene").
BARE_XCOMP = {"intervene", "investigate", "join", "negotiate", "refrain", "withdraw", "assist", "deport"}
# Verbs after TO (TO VERB, (TO VERB), TO_VERB): an open complement. Other words after TO are nouns.
VERBS_AFTER_TO = {
    "press", "recognize", "demonstrate", "remain", "shoot", "return", "close", "leave", "withdraw",
    "disarm", "protect", "boycott", "head", "act", "calm", "congratulate",
}
# Spelling slips and truncated stems of the source -> the word meant.
SPELLING = {
    "aggrement": "agreement", "agression": "aggression", "asisstance": "assistance",
    "assisstance": "assistance", "assurences": "assurances", "batallion": "battalion",
    "criminial": "criminal", "democratisaton": "democratisation", "evidennce": "evidence",
    "miliary": "military", "memoradum": "memorandum", "possiblity": "possibility",
    "withrawal": "withdrawal", "disgareement": "disagreement", "clothiing": "clothing",
    "begining": "beginning", "strenghtening": "strengthening", "cooperat": "cooperation",
    "offenc": "offence", "penalt": "penalty", "exaspertion": "exasperation",
}
# Nouns whose lemma the rules of singular() miss; "a|b" where our lemmatizer keeps the plural
# of a word that PETRARCH also writes in the singular (it lemmatises "troops" as "troops").
NOUN_LEMMAS = {
    "troops": "troop|troops", "troop": "troop|troops", "knives": "knife", "lives": "life",
    "people": "people", "police": "police", "media": "media", "data": "data", "news": "news",
    "series": "series", "species": "species", "means": "means", "headquarters": "headquarters",
    "arms": "arm", "crises": "crisis", "analyses": "analysis", "hostilities": "hostility",
    "elections": "election", "politics": "politics", "economics": "economics", "talks": "talk",
    "aids": "aids", "gas": "gas", "bus": "bus", "status": "status", "consensus": "consensus",
    "campus": "campus", "virus": "virus", "census": "census", "atlas": "atlas", "canvas": "canvas",
    "alias": "alias", "bias": "bias", "chaos": "chaos", "ethos": "ethos", "pathos": "pathos",
    "kudos": "kudos", "thesis": "thesis", "basis": "basis", "diagnosis": "diagnosis",
    "personnel": "personnel", "lats": "lats", "litas": "litas", "men": "man", "women": "woman",
    "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "criteria": "criterion", "phenomena": "phenomenon", "wolves": "wolf", "thieves": "thief",
    "halves": "half", "wives": "wife", "leaves": "leaf", "shelves": "shelf",
    # checked against `sitrep parse`: where it keeps the plural, or reads the word otherwise
    "auspices": "auspice|auspices", "bases": "base|basis", "critics": "critic", "goods": "goods",
    "knuckles": "knuckle|knuckles", "supplies": "supply|supplies", "thanks": "thanks|thank",
    "themselves": "themselves", "himself": "himself", "herself": "herself", "accused": "accused|accuse",
    "criteria": "criterion|criteria",
}
# Modifiers our lemmatizer reads as verbs or degrees ("displaced persons", "sharpest attack").
MOD_LEMMAS = {
    "accused": "accused|accuse", "demilitarised": "demilitarised|demilitarise",
    "demilitarized": "demilitarized|demilitarize", "displaced": "displaced|displace",
    "improvised": "improvised|improvise", "fighting": "fighting|fight", "keeping": "keeping|keep",
    "making": "making|make", "best": "best|good", "closer": "closer|close",
    "sharpest": "sharpest|sharp", "troops": "troop|troops",
}
# --------------------------------------------------------------------------- reading

class Verb:
    def __init__(self, form, forms, code, line):
        self.form = form            # as written, "+CALL_OFF"
        self.forms = forms          # upper-case inflections written in {...}
        self.code = code            # the line's own code, or None
        self.line = line


class Block:
    def __init__(self, name, code, line):
        self.name, self.code, self.line = name, code, line
        self.verbs = []
        self.patterns = []          # (line, text before the code, code, comment)


def strip_comment(raw):
    body, _, comment = raw.partition("#")
    return body, comment.strip()


def read_dictionary(path):
    synsets, blocks, transformations = {}, [], 0
    current_syn, block, in_verbs = None, None, False
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    for lineno, raw in enumerate(lines, 1):
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        body, comment = strip_comment(raw)
        s = body.strip()
        if not s:
            continue
        if not in_verbs:
            if s.startswith("&"):
                current_syn = s.split()[0][1:].rstrip("_")
                synsets[current_syn] = []
            elif s.startswith("+") and current_syn:
                synsets[current_syn].append(s[1:].split()[0])
            continue
        if s.startswith("---"):
            m = re.match(r"-{3}\s*(\S+)\s*\[([^\]]*)\]", s)
            if m:
                block = Block(m.group(1), m.group(2).strip(), lineno)
                blocks.append(block)
            continue
        if s.startswith("~"):
            transformations += 1
            continue
        if block is None:
            continue
        if s.startswith("-"):
            m = re.match(r"-(.*)\[([^\]]*)\]", s)
            if m:
                block.patterns.append((lineno, m.group(1).strip(), m.group(2).strip(), comment, s))
            else:
                block.patterns.append((lineno, s[1:].strip(), None, comment, s))
            continue
        m = re.match(r"([^\s{\[]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s)
        forms = m.group(2)[1:-1].split() if m.group(2) else []
        code = m.group(3)[1:-1].strip() if m.group(3) else None
        block.verbs.append(Verb(m.group(1), forms, code, lineno))
    return synsets, blocks, transformations


def read_ontology(path):
    codes = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            codes[row["code"]] = row
    return codes


# --------------------------------------------------------------------------- lemmas

LEMMA_RE = re.compile(r"^[a-z0-9'.$-]+$")
FUNCTION_WORDS = PREPOSITIONS | BARE_PARTICLES | {"and", "or", "the", "a", "an", "no", "not", "of", "to"}
# Gerunds written after a preposition: the phrase is a clause ("accused of violating"), so the
# verb lemma is an alternative to the noun ("for shooting" -> shooting|shoot).
GERUNDS = {
    "attending": "attend", "banning": "ban", "blaming": "blame", "calling": "call",
    "commemorating": "commemorate", "condemning": "condemn", "cooperating": "cooperate",
    "criticising": "criticise", "cursing": "curse", "denying": "deny", "deploring": "deplore",
    "deploying": "deploy", "docking": "dock", "easing": "ease", "entering": "enter", "fading": "fade",
    "failing": "fail", "funding": "fund", "hosting": "host", "imposing": "impose",
    "kidnapping": "kidnap", "leaving": "leave", "meeting": "meet", "mourning": "mourn",
    "reporting": "report", "sacking": "sack", "shooting": "shoot", "stealing": "steal",
    "traveling": "travel", "trying": "try", "violating": "violate", "warning": "warn",
    "obstructing": "obstruct", "dismantling": "dismantle", "polling": "poll",
    "fighting": "fight", "killing": "kill", "bombing": "bomb", "shelling": "shell",
    "looting": "loot", "rioting": "riot", "monitoring": "monitor", "negotiating": "negotiate",
    "ousting": "oust", "reshuffling": "reshuffle", "restructuring": "restructure",
    "blessing": "bless", "cleansing": "cleanse", "arguing": "argue",
}
# Gerunds our tagger often reads as verbs even as objects ("condemned the killing").
VIOLENT_GERUNDS = {"fighting", "killing", "bombing", "shelling", "looting", "rioting", "shooting", "kidnapping"}


def singular(w):
    """Our lemmatizer's lemma of a (lower-case) noun as PETRARCH writes it; "a|b" for two."""
    if w in NOUN_LEMMAS:
        return NOUN_LEMMAS[w]
    if w.endswith("men") and len(w) > 5 and w not in ("specimen", "abdomen", "regimen", "acumen"):
        return w[:-3] + "man|" + w  # our lemmatizer keeps "gunmen", "servicemen"
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ous", "ics", "ness")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    return w[:-1]


def noun_lemmas(w):
    """The lemma alternatives for a noun: usually one; two where our lemmatizer keeps a plural."""
    return singular(w).split("|")


def word_parts(word):
    """A PETRARCH word or phrase -> our tokens (underscores and hyphens split), or None."""
    word = word.lower().strip("_")
    word = SPELLING.get(word, word)
    parts = [SPELLING.get(p, p) for p in re.split(r"[_\-]", word) if p]
    if not parts or any(not re.match(r"^[a-z']+$", p) for p in parts):
        return None
    return parts


def usable_phrase(parts):
    """Phrases we can write as head (+ modifier): one or two content words."""
    return parts and len(parts) <= 2 and not any(p in FUNCTION_WORDS or p in ADVERBS for p in parts)


# --------------------------------------------------------------------------- heads

def regular_forms(w):
    w = w.upper()
    out = {w, w + "S", w + "ES", w + "ED", w + "D", w + "ING"}
    if w.endswith("E"):
        out |= {w[:-1] + "ING", w[:-1] + "ED"}
    if w.endswith("Y"):
        out |= {w[:-1] + "IES", w[:-1] + "IED"}
    out |= {w + w[-1] + "ED", w + w[-1] + "ING"}
    return out


class Head:
    """A verb of a block, as our pattern head: lemma + particle, or why it cannot be one."""

    def __init__(self, verb, irregular):
        self.verb = verb
        self.lemma = self.prt = self.skip = None
        form = verb.form
        words = form.replace("+", "").lower().split("_")
        plus = next((i for i, w in enumerate(form.split("_")) if w.startswith("+")), 0)
        if plus != 0:
            self.skip = "multi-word verb, verb not first"
        elif len(words) > 2:
            self.skip = "multi-word verb of 3+ words"
        elif len(words) == 2 and words[1] not in PARTICLES:
            self.skip = "multi-word verb without particle"
        if len(words) == 2 and not self.skip:
            self.prt = words[1]
        lemma = words[0]
        lemma = VERB_LEMMAS.get(lemma, irregular.get(lemma.upper(), lemma.upper()).lower())
        if not self.skip and lemma in NOT_VERBS:
            self.skip = "verb line that is not a verb (a noun)"
        if not self.skip and not LEMMA_RE.match(lemma):
            self.skip = "bad lemma"
        self.lemma = lemma
        # Upper-case written forms that name this verb in comments.
        base = form.replace("+", "").upper()
        first, rest = (base.split("_", 1) + [""])[:2]
        firsts = regular_forms(first) | {f for f, b in irregular.items() if b == first}
        firsts |= {f.replace("+", "").upper().split("_")[0] for f in verb.forms}
        names = {g + ("_" + rest if rest else "") for g in firsts}
        self.names = names | {n.replace("_", "") for n in names}

    def key(self):
        return (self.lemma, self.prt)


# --------------------------------------------------------------------------- patterns

class Skip(Exception):
    pass


def tokenize(text):
    text = re.sub(r"\*(?=\S)", "* ", text)  # "- *SCEPTICAL"
    return re.findall(r"[(){}]|[^\s(){}]+", text)


def expand_word(tok, synsets, role):
    """A word or &SYNSET -> list of member phrases (each a list of our tokens).

    role "head": the phrase's head noun; "mod": a modifier slot (any word kind)."""
    if tok.startswith("&"):
        name = tok[1:].rstrip("_")
        if name not in synsets:
            raise Skip("undefined synset")
        members = [word_parts(m) for m in synsets[name]]
        return [m for m in members if usable_phrase(m)]
    alts = tok.split("/")
    out = []
    for a in alts:
        parts = word_parts(a)
        if not parts:
            raise Skip("word our lemmas cannot hold")
        if not usable_phrase(parts):
            raise Skip("phrase with a function word or 3+ words")
        if role in ("head", "pobj") and len(parts) == 1 and (parts[0] in NOT_NOUNS or parts[0] in ADVERBS or
                                                  parts[0] in ADJECTIVES and role == "head"):
            raise Skip("not a noun where a noun is expected")
        if role == "mod" and (parts[-1] in NOT_NOUNS or parts[-1] in ADVERBS):
            raise Skip("negated or odd modifier (no, not, ...)")
        out.append(parts)
    return out


def np_atoms(slots, synsets, gerund=False):
    """A noun phrase (a list of slots: words or synsets) -> [(head lemma, modifier or None)].

    gerund: the phrase follows a preposition (a gerund there adds its verb lemma; an adjective
    is allowed: "reject as unacceptable")."""
    if len(slots) > 2:
        raise Skip("noun phrase of 3+ words")
    head_members = expand_word(slots[-1], synsets, "pobj" if gerund else "head")
    atoms = []
    if len(slots) == 1:
        singles = {m[0] for m in head_members if len(m) == 1}
        for m in head_members:
            if len(m) == 1:
                lems = noun_lemmas(m[0])
                if m[0] in GERUNDS and (gerund or m[0] in VIOLENT_GERUNDS):
                    lems = lems + [GERUNDS[m[0]]]
                for lem in lems:
                    atoms.append((lem, None))
            elif m[-1] not in singles:
                for lem in noun_lemmas(m[-1]):
                    for ml in mod_lemmas(m[-2]):
                        atoms.append((lem, ml))
    else:
        mod_members = expand_word(slots[0], synsets, "mod")
        for h in head_members:
            if len(h) != 1:
                continue  # a two-word head in a braced phrase would need two modifiers
            for m in mod_members:
                for lem in noun_lemmas(h[0]):
                    for ml in mod_lemmas(m[-1]):
                        atoms.append((lem, ml))
    out = []
    for a in atoms:
        if a not in out:
            out.append(a)
    if not out:
        raise Skip("no representable noun")
    return out


def mod_lemmas(w):
    if w in MOD_LEMMAS:
        return MOD_LEMMAS[w].split("|")
    if w in ADJECTIVES:
        return [w]
    return [singular(w).split("|")[0]]


def parse_post(post, synsets):
    """The words after `*` -> a dict of our elements with noun-phrase slots (not yet expanded)."""
    items, j = [], 0
    while j < len(post):
        t = post[j]
        if t in ("(", "{"):
            close = ")" if t == "(" else "}"
            try:
                k = post.index(close, j + 1)
            except ValueError:
                raise Skip("unbalanced brackets")
            inner = post[j + 1:k]
            if t == "{" and any(x in ("(", "{", ")") for x in inner):
                raise Skip("unbalanced brackets")
            items.append(("pp" if t == "(" else "np", inner))
            j = k + 1
        elif t in (")", "}"):
            raise Skip("unbalanced brackets")
        else:
            items.append(("word", t))
            j += 1

    el = {"prt": None, "obj": None, "prep": None, "pobj": None, "target_prep": False,
          "xcomp": None, "xobj": None, "xprep": None, "xpobj": None, "bare_xcomp": False}

    def add_np(slots):
        if el["xcomp"]:
            if el["bare_xcomp"]:
                raise Skip("noun after a bare verb (unclear structure)")
            if el["xobj"] or el["xprep"]:
                raise Skip("two objects")
            el["xobj"] = slots
        else:
            if el["obj"] or el["prep"]:
                raise Skip("two objects" if el["obj"] else "object after a prepositional phrase")
            el["obj"] = slots

    def add_xcomp(verb, bare=False):
        if el["xcomp"]:
            raise Skip("two complements")
        if el["obj"] and not bare:
            raise Skip("infinitive after an object (xcomp or acl: unclear)")
        if el["prep"]:
            raise Skip("complement after a prepositional phrase")
        el["xcomp"], el["bare_xcomp"] = [verb], bare

    def add_pp(prep, slots, target):
        prep = prep.lower()
        if "/" in prep:
            raise Skip("alternative prepositions (TO/FOR)")
        if el["xcomp"]:
            if el["xprep"]:
                raise Skip("two prepositional phrases")
            if slots is None:
                raise Skip("complement phrase without object")
            el["xprep"], el["xpobj"] = prep, slots
            return
        if el["prep"]:
            raise Skip("two prepositional phrases")
        el["prep"], el["pobj"], el["target_prep"] = prep, slots, target

    def pp_slots(inner):
        """Tokens after a preposition -> (slots or None, target?)."""
        if not inner:
            return None, False
        if inner == ["+"]:
            return None, True
        if any(x in ("$", "+", "^", "%") for x in inner):
            raise Skip("actor position ($ + ^ %)")
        if inner[0] == "{":
            if inner[-1] != "}" or len(inner) < 3:
                raise Skip("unbalanced brackets")
            return inner[1:-1], False
        if len(inner) > 1:
            raise Skip("several words in a phrase")
        return inner, False

    j = 0
    while j < len(items):
        kind, val = items[j]
        if kind == "np":
            add_np(val)
        elif kind == "pp":
            if not val:
                raise Skip("empty parentheses")
            prep = val[0].lower()
            rest = val[1:]
            if prep in BARE_PARTICLES and not el["prt"] and not el["obj"] and not el["prep"]:
                # (ASIDE RIFT), (OUT): a particle, and maybe an object
                el["prt"] = prep
                if rest:
                    slots, target = pp_slots(rest)
                    if target or slots is None:
                        raise Skip("actor position ($ + ^ %)")
                    add_np(slots)
            elif prep == "to" and len(rest) == 1 and rest[0].lower() in VERBS_AFTER_TO:
                add_xcomp(rest[0].lower())
            elif prep not in PREPOSITIONS and "/" not in prep:
                raise Skip("parentheses without a preposition")
            else:
                slots, target = pp_slots(rest)
                add_pp(prep, slots, target)
        else:
            w = val
            lw = w.lower()
            nxt = items[j + 1] if j + 1 < len(items) else None
            if w in ("$", "+", "^", "%"):
                raise Skip("actor position ($ + ^ %)")
            if lw.startswith("to_") and lw[3:] in VERBS_AFTER_TO | BARE_XCOMP:
                add_xcomp(lw[3:])
            elif lw == "to" and nxt and nxt[0] == "word" and nxt[1].lower() in VERBS_AFTER_TO:
                add_xcomp(nxt[1].lower())
                j += 2
                continue
            elif lw in BARE_PARTICLES and not el["prt"] and not el["obj"] and not el["prep"]:
                el["prt"] = lw
            elif lw in PREPOSITIONS and not w.startswith("&"):
                if nxt is None:
                    add_pp(lw, None, False)
                elif nxt[0] == "word" and nxt[1] == "+":
                    add_pp(lw, None, True)
                    j += 1
                elif nxt[0] == "word" and nxt[1] in ("$", "^", "%"):
                    raise Skip("actor position ($ + ^ %)")
                elif nxt[0] == "np":
                    add_pp(lw, nxt[1], False)
                    j += 1
                elif nxt[0] == "word":
                    add_pp(lw, [nxt[1]], False)
                    j += 1
                else:
                    raise Skip("preposition before a parenthesis")
            elif lw in ADVERBS:
                raise Skip("adverb")
            elif lw in ADJECTIVES:
                if el["obj"] or el["xcomp"] or el["prep"]:
                    raise Skip("adjective after an object")
                add_xcomp(lw)
            elif lw in BARE_XCOMP and not el["xcomp"] and not el["prep"]:
                add_xcomp(lw, bare=True)
            elif lw in NOT_NOUNS:
                raise Skip("not a noun where a noun is expected")
            else:
                add_np([w])
        j += 1
    return el


def pattern_atoms(el, synsets):
    """Expanded elements -> list of atoms (dicts with one lemma per slot)."""
    def slot_atoms(slots, gerund=False):
        return np_atoms(slots, synsets, gerund) if slots else [(None, None)]
    objs = slot_atoms(el["obj"])
    pobjs = slot_atoms(el["pobj"], gerund=True)
    xobjs = slot_atoms(el["xobj"])
    xpobjs = slot_atoms(el["xpobj"], gerund=True)
    atoms, two_mods = [], 0
    for (o, om), (p, pm), (xo, xom), (xp, xpm) in itertools.product(objs, pobjs, xobjs, xpobjs):
        mods = [m for m in (om, pm, xom, xpm) if m]
        if len(mods) > 1:
            two_mods += 1
            continue
        atoms.append({
            "prt": el["prt"], "obj": o, "prep": el["prep"], "pobj": p,
            "xcomp": el["xcomp"][0] if el["xcomp"] else None, "xobj": xo,
            "xprep": el["xprep"], "xpobj": xp, "mod": mods[0] if mods else None,
            "target_prep": el["target_prep"],
        })
    if not atoms:
        raise Skip("would need two modifiers")
    return atoms


SLOTS = ("prt", "obj", "prep", "pobj", "xcomp", "xobj", "xprep", "xpobj", "mod")


def atom_key(head, a):
    return (head,) + tuple(a.get(s) for s in SLOTS)


# --------------------------------------------------------------------------- our own files

def read_our_atoms(verbs_dir):
    """Atoms of our hand-written files: key -> (code, file:line)."""
    ours = {}
    for name in sorted(os.listdir(verbs_dir)):
        if not re.match(r"^\d\d-.*\.txt$", name) or name.endswith("-phoenix.txt"):
            continue
        path = os.path.join(verbs_dir, name)
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                parts = raw.split("#")[0].split()
                if len(parts) < 2:
                    continue
                code, head = parts[0], parts[1]
                el = {s: [None] for s in SLOTS}
                for e in parts[2:]:
                    if e.startswith("prt:"):
                        el["prt"] = [e[4:]]
                    elif e.startswith("obj:"):
                        el["obj"] = e[4:].split("|")
                    elif e.startswith("mod:"):
                        el["mod"] = e[4:].split("|")
                    elif e.startswith("xcomp:"):
                        el["xcomp"] = e[6:].split("|")
                    elif e.startswith("xobj:"):
                        el["xobj"] = e[5:].split("|")
                    elif e.startswith("prep:") or e.startswith("xprep:"):
                        x = e.startswith("xprep:")
                        rest = e[6:] if x else e[5:]
                        p, _, objs = rest.partition(":")
                        el["xprep" if x else "prep"] = [p]
                        el["xpobj" if x else "pobj"] = objs.split("|") if objs else [None]
                for combo in itertools.product(*(el[s] for s in SLOTS)):
                    ours.setdefault((head,) + combo, (code, f"{name}:{lineno}"))
                # "discuss target:prep:with" already covers "discuss prep:with" (any object)
                t = next((e[len("target:prep:"):] for e in parts[2:] if e.startswith("target:prep:")), None)
                if t and el["prep"] == [None]:
                    el["prep"], el["pobj"] = [t], [None]
                    for combo in itertools.product(*(el[s] for s in SLOTS)):
                        ours.setdefault((head,) + combo, (code, f"{name}:{lineno}"))
    return ours


# --------------------------------------------------------------------------- codes

def ancestors(code):
    """CAMEO codes above `code`; "X0" codes (not specified below) stand for their root."""
    out = []
    c = code
    while True:
        if len(c) == 4:
            c = c[:3]
        elif len(c) == 3 and c[2] != "0":
            c = c[:2] + "0"
        else:
            break
        out.append(c)
    return out


def resolve_codes(codes):
    """Several codes for one atom -> the one to keep, or None (unrelated codes)."""
    distinct = sorted(set(codes), key=lambda c: len(ancestors(c)))
    for a, b in zip(distinct, distinct[1:]):
        if a not in ancestors(b):
            return None
    return distinct[-1]


# --------------------------------------------------------------------------- output

def merge_atoms(atoms):
    """Atoms (dicts, same head/code/source) -> patterns with `|` lists, exactly their union."""
    rows = [{s: (frozenset([a[s]]) if a[s] is not None else None) for s in SLOTS} | {"target_prep": a["target_prep"]}
            for a in atoms]
    for dim in ("obj", "pobj", "mod", "xobj", "xpobj", "xcomp"):
        groups = collections.OrderedDict()
        for r in rows:
            k = tuple((s, r[s]) for s in SLOTS if s != dim) + (r["target_prep"], r[dim] is None)
            if k not in groups:
                groups[k] = dict(r)
            elif r[dim] is not None:
                groups[k][dim] = groups[k][dim] | r[dim]
        rows = list(groups.values())
    return rows


def order_lemmas(lemmas, order):
    return sorted(lemmas, key=lambda l: (order.get(l, 10 ** 6), l))


def pattern_line(head, row, order):
    def lst(s):
        return "|".join(order_lemmas(row[s], order))
    out = [head]
    if row["prt"]:
        out.append("prt:" + next(iter(row["prt"])))
    if row["obj"]:
        out.append("obj:" + lst("obj"))
    if row["prep"]:
        p = next(iter(row["prep"]))
        out.append("prep:" + p + (":" + lst("pobj") if row["pobj"] else ""))
    if row["xcomp"]:
        out.append("xcomp:" + lst("xcomp"))
    if row["xobj"]:
        out.append("xobj:" + lst("xobj"))
    if row["xprep"]:
        out.append("xprep:" + next(iter(row["xprep"])) + ":" + lst("xpobj"))
    if row["mod"]:
        out.append("mod:" + lst("mod"))
    if row["target_prep"]:
        out.append("target:prep:" + next(iter(row["prep"])))
    elif row["prep"] and next(iter(row["prep"])) == "by" and not row["pobj"]:
        out.append("target:obj")  # "(BY)": the by-phrase is the agent of a passive, not the target
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=DEFAULT_SOURCE, help="CAMEO.2.0.txt")
    ap.add_argument("--out", default=os.path.join(REPO, "data", "verbs"), help="the data/verbs folder")
    ap.add_argument("--ontology", default=os.path.join(REPO, "data", "cameo", "ontology.tsv"))
    ap.add_argument("--all-synonyms", action="store_true", help="apply each pattern to every verb of its block")
    ap.add_argument("--report", action="store_true", help="print details of what was skipped")
    ap.add_argument("--dry-run", action="store_true", help="write nothing")
    ap.add_argument("--dump", action="store_true", help="debug: print every output pattern with its source to stdout")
    args = ap.parse_args()

    onto = read_ontology(args.ontology)
    synsets, blocks, transformations = read_dictionary(args.source)
    ours = read_our_atoms(args.out)
    with open(args.source, encoding="utf-8", errors="replace") as f:
        source_lines = f.read().splitlines()

    skips = collections.Counter()
    skip_examples = collections.defaultdict(list)

    def skip(reason, what, n=1):
        skips[reason] += n
        if len(skip_examples[reason]) < 6:
            skip_examples[reason].append(what)

    skips["~ transformation"] += transformations

    # Irregular forms -> base, from every {...} of the file.
    irregular = {}
    for b in blocks:
        for v in b.verbs:
            base = v.form.replace("+", "").upper()
            for f in v.forms:
                f = f.replace("+", "").upper()
                if f != base and "_" not in f:
                    irregular.setdefault(f, base)

    # candidates: list of (key, code, source line, head lemma, atom, origin text)
    candidates = []
    for b in blocks:
        heads, seen = [], set()
        for v in b.verbs:
            h = Head(v, irregular)
            if h.skip:
                skip(h.skip, f"{v.line}: {v.form}")
                continue
            if h.key() in seen:
                # the same verb twice (BRING, BRING {...}): one head, all names
                for other in heads:
                    if other.key() == h.key():
                        other.names |= h.names
                        if h.verb.code and not other.verb.code:
                            other.verb = h.verb
                continue
            seen.add(h.key())
            heads.append(h)
        # bare heads
        for h in heads:
            code = h.verb.code or b.code
            sym = bool(code) and ":" in code and code.split(":")[0].strip() == code.split(":")[1].strip()
            code = code.split(":")[0].strip() if code else code
            sym = sym or code == NEGOTIATE
            if not code or code.startswith("---"):
                continue
            if (h.lemma + (" " + h.prt if h.prt else "")) in GENERAL_VERBS or (h.lemma in GENERAL_VERBS and h.prt in
                    (None, "up", "out", "over", "in", "away", "forth", "down", "off", "back")
                    and (h.lemma, h.prt) not in KEEP_PHRASAL):
                skip("bare general verb", f"{h.verb.line}: {h.verb.form} [{code}]")
                continue
            if code not in onto:
                skip("code not in ontology", f"{h.verb.line}: [{code}]")
                continue
            atom = {s: None for s in SLOTS} | {"prt": h.prt, "target_prep": False, "symmetric": sym}
            candidates.append((atom_key(h.lemma, atom), code, h.verb.line, h.lemma, atom, h.verb.form))
        # patterns
        for lineno, text, code, comment, raw in b.patterns:
            if lineno in EXCLUDE_LINES:
                skip("left out after review (EXCLUDE_LINES)", f"{lineno}: {raw}")
                continue
            if code is None:
                skip("no code", f"{lineno}: {raw}")
                continue
            sym = ":" in code and code.split(":")[0].strip() == code.split(":")[1].strip()
            code = code.split(":")[0].strip()
            sym = sym or code == NEGOTIATE
            if not code:
                skip("no source->target code ([:b])", f"{lineno}: {raw}")
                continue
            if code.startswith("---"):
                skip("null code [---]", f"{lineno}: {raw}")
                continue
            if code not in onto:
                skip("code not in ontology", f"{lineno}: {raw}")
                continue
            # heads: those the comment names, else all
            named = set(t.upper() for t in re.split(r"[\s,;/]+", comment.replace("+", "")) if t)
            named = {n for n in named if re.match(r"^[A-Z][A-Z_'-]+$", n)}
            # LAID_DOWN names LAY when the pattern holds the particle ("- * DOWN &WEAPON")
            named |= {n.split("_")[0] for n in named if n.count("_") == 1 and n.split("_")[1].lower() in PARTICLES}
            targets = [h for h in heads if h.names & named]
            if named and not targets and not args.all_synonyms:
                skip("comment names a verb outside the block (or one skipped)", f"{lineno}: {raw}")
                continue
            if not targets and not args.all_synonyms:
                # no verb named: the block's own verb (its name), else every verb of the block
                targets = [h for h in heads if b.name.upper() in h.names]
            if args.all_synonyms or not targets:
                targets = heads
            if not targets:
                skip("block without usable verbs", f"{lineno}: {raw}")
                continue
            toks = tokenize(text)
            try:
                if "*" not in toks:
                    raise Skip("no verb position *")
                star = toks.index("*")
                if toks[:star]:
                    raise Skip("words before the verb (subject)")
                el = parse_post(toks[star + 1:], synsets)
                if not any(el[s] for s in ("prt", "obj", "prep", "xcomp")):
                    raise Skip("pattern without elements")
                atoms = pattern_atoms(el, synsets)
            except Skip as e:
                skip(str(e), f"{lineno}: {raw}")
                continue
            origin = "/".join(sorted({h.verb.form for h in targets})) if len(targets) < len(heads) or len(heads) == 1 else b.name + " (all)"
            for h in targets:
                for a in atoms:
                    if h.prt:
                        # +IRON_OUT: the head's particle; a second one in the pattern cannot be written
                        if a["prt"] and a["prt"] != h.prt:
                            skip("two particles (multi-word verb + pattern)", f"{lineno}: {h.verb.form}: {raw}")
                            continue
                        a = dict(a, prt=h.prt)
                    a = dict(a, symmetric=sym)
                    candidates.append((atom_key(h.lemma, a), code, lineno, h.lemma, a, origin))

    # Resolve: ours win; Phoenix duplicates and conflicts.
    by_key = collections.OrderedDict()
    for c in candidates:
        by_key.setdefault(c[0], []).append(c)
    kept = []
    n_atoms = collections.Counter()
    for key, cs in by_key.items():
        n_atoms["atoms"] += 1
        if key in ours:
            n_atoms["dropped: equal to ours (same code)" if ours[key][0] == cs[0][1] else
                    "dropped: equal to ours (other code)"] += 1
            continue
        codes = [c[1] for c in cs]
        if len(set(codes)) == 1:
            if len(cs) > 1:
                n_atoms["dropped: Phoenix duplicate"] += len(cs) - 1
            kept.append(cs[0])
            continue
        best = resolve_codes(codes)
        if best is None:
            n_atoms["dropped: Phoenix conflict (unrelated codes)"] += 1
            continue
        n_atoms["kept most specific of related codes"] += 1
        kept.append(next(c for c in cs if c[1] == best))

    # Merge per (source line, head, code) and write.
    groups = collections.OrderedDict()
    for key, code, lineno, head, atom, origin in kept:
        groups.setdefault((code, head, lineno, origin, atom["symmetric"]), []).append(atom)
    # order of lemmas as the synsets list them
    order = {}
    for members in synsets.values():
        for i, m in enumerate(members):
            for p in (word_parts(m) or []):
                order.setdefault(p, len(order))
    by_root = collections.defaultdict(list)
    for (code, head, lineno, origin, sym), atoms in groups.items():
        for row in merge_atoms(atoms):
            line = pattern_line(head, row, order) + (" symmetric" if sym else "")
            src = source_lines[lineno - 1].split("[")[0].strip().lstrip("-").strip() or source_lines[lineno - 1].strip()
            by_root[onto[code]["root"]].append((code, head, lineno, line, f"{SOURCE_NAME}:{lineno} {origin}: {src}"))

    total = 0
    per_root = {}
    for root in sorted(by_root):
        rows = sorted(by_root[root], key=lambda r: (r[0], r[1], r[2]))
        per_root[root] = len(rows)
        total += len(rows)
        if args.dump:
            for r in rows:
                print(f"{r[0]}\t{r[3]}\t# {r[4]}")
        if args.dry_run:
            continue
        path = os.path.join(args.out, f"{root}-phoenix.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(header_text(root, onto))
            last = None
            for code, head, lineno, line, comment in rows:
                if code != last:
                    f.write(f"\n# {code} {onto[code]['name']}\n")
                    last = code
                f.write(f"{code}\t{line}  # {comment}\n")
    if not args.dry_run:
        write_licence(args.source, os.path.join(args.out, "LICENSE-phoenix"))

    print(f"phoenix_verbs: {total} patterns in {len(per_root)} files: " +
          " ".join(f"{r}:{n}" for r, n in sorted(per_root.items())), file=sys.stderr)
    print("skipped source patterns/verbs by reason:", file=sys.stderr)
    for reason, n in skips.most_common():
        print(f"  {n:5d}  {reason}", file=sys.stderr)
        if args.report:
            for ex in skip_examples[reason]:
                print(f"           {ex}", file=sys.stderr)
    print("atoms (one lemma per slot):", file=sys.stderr)
    for k, n in n_atoms.items():
        print(f"  {n:5d}  {k}", file=sys.stderr)


LICENCE_START = "# The MIT License (MIT)"


def licence_lines(source):
    with open(source, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == LICENCE_START)
    out = []
    for l in lines[start:]:
        if not l.startswith("#") or l.startswith("# LAST UPDATE") or (out and l.strip() == "#" and out[-1] == "" and False):
            break
        out.append(l[1:].strip() if l.startswith("# ") or l == "#" else l[1:])
    while out and not out[-1]:
        out.pop()
    return out


def header_text(root, onto):
    return (f"# Root {root}, {onto[root]['name']}: patterns converted from the Phoenix PETRARCH verb dictionary\n"
            f"# {SOURCE_NAME} (Open Event Data Alliance, ../shared/data/petrarch2/dictionaries/phoenix/) by\n"
            f"# scripts/phoenix_verbs.py; do not edit by hand: change the script and rerun it.\n"
            f"# The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance. The licence text is in\n"
            f"# data/verbs/LICENSE-phoenix. Each line's comment names its source line and the verb it was\n"
            f"# written for. Our own patterns (NN-<name>.txt) win where both say the same.\n")


def write_licence(source, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"The patterns of data/verbs/NN-phoenix.txt are converted (by scripts/phoenix_verbs.py)\n"
                f"from the Phoenix PETRARCH verb dictionary {SOURCE_NAME}, distributed under this licence:\n\n")
        f.write("\n".join(licence_lines(source)) + "\n")


if __name__ == "__main__":
    main()
