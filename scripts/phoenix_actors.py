#!/usr/bin/env python3
"""Converts the Phoenix (PETRARCH2) actor and agent dictionaries into sitrep's actor TSVs.

Reads, from the Phoenix dictionary folder (default ../shared/data/petrarch2/dictionaries/phoenix,
relative to the repository root):
  Phoenix.agents.txt                 -> data/actors/roles-phoenix.tsv    (role  words)
  Phoenix.Countries.actors.txt and
  Phoenix.International.actors.txt   -> data/actors/persons-phoenix.tsv  (persons with offices)
                                        data/actors/igos-phoenix.tsv     (organisations)
  Phoenix.MilNonState.actors.txt     -> data/actors/igos-phoenix.tsv     (armed non-state groups)
and writes data/actors/LICENSE-phoenix.txt (MIT, Open Event Data Alliance).

Our own files win: a role word already in roles.tsv, or a name already in countries.tsv,
igos.tsv, cities.tsv or persons.tsv, is left out. Words and names that would be noise as
actors in news (weapons, places, abstract nouns, common words) are left out too; the lists
are below. Optionally (--vocab, on by default when found) the UD English treebanks in
../shared/data tell which one-word names are common English words.

Usage: scripts/phoenix_actors.py [--phoenix DIR] [--out DIR] [--ud DIR ...] [--report]
Python 3 standard library only; the output depends only on the inputs.
"""

import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsvfile import read_tsv  # noqa: E402  (our data files, one reader)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PHOENIX = os.path.join(REPO, '..', 'shared', 'data', 'petrarch2', 'dictionaries', 'phoenix')
DEFAULT_UD = [os.path.join(REPO, '..', 'shared', 'data', d) for d in ('ud-english-ewt', 'ud-english-gum')]
SOURCE_NOTE = ('converted from the Phoenix dictionaries of PETRARCH2 (Open Event Data Alliance, MIT '
               'licence: LICENSE-phoenix.txt) by scripts/phoenix_actors.py; do not edit by hand')

skips = collections.Counter()  # (file kind, reason) -> count
skip_examples = collections.defaultdict(list)


COUNTRYINFO_NOTE = (
    'Attribution note (ours): Phoenix.Countries.actors.txt was compiled in part from\n'
    'CountryInfo.txt (Computational Event Data System Project), which is licensed CC BY-SA 3.0.\n'
    'The person lines of persons-phoenix.tsv that come from it are therefore also offered under\n'
    'CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/), with attribution to\n'
    'CountryInfo.txt and the Open Event Data Alliance; the rest is under the MIT licence below.\n\n')


def skip(kind, reason, example):
    skips[(kind, reason)] += 1
    if len(skip_examples[(kind, reason)]) < 6:
        skip_examples[(kind, reason)].append(example)


def valid_role(code):
    """The loader's valid_role: upper-case letters, a multiple of three."""
    return bool(code) and len(code) % 3 == 0 and re.fullmatch(r'[A-Z]+', code) is not None


# ---------------------------------------------------------------------------------------------
# Our own data (ours win)

def split_list(cell):
    return [x for x in (cell or '').split('|') if x]


class Ours:
    def __init__(self, actors_dir):
        self.dir = actors_dir
        self.names = set()          # every name our files know (countries, igos, cities, persons)
        self.country_words = set()  # lower-case country names, adjectives and demonyms
        self.countries = set()
        self.adjectives = set()     # lower-case nationality adjectives and demonyms
        self.role_words = set()     # normalised role phrases of roles.tsv
        self.phoenix_role_words = set()  # and of roles-phoenix.tsv, once converted
        for r in read_tsv(os.path.join(actors_dir, 'countries.tsv')):
            self.countries.add(r['code'])
            for n in split_list(r['names']) + split_list(r['adjectives']):
                self.names.add(n)
                self.country_words.add(n.lower())
            self.adjectives.update(a.lower() for a in split_list(r['adjectives']))
            for m in split_list(r['metonyms']):
                self.names.add(m.split('=')[0])
        for r in read_tsv(os.path.join(actors_dir, 'igos.tsv')):
            self.names.update(split_list(r['names']))
        for f in sorted(os.listdir(actors_dir)) if os.path.isdir(actors_dir) else []:
            if f == 'cities.tsv' or (f.startswith('cities-') and f.endswith('.tsv')):
                for r in read_tsv(os.path.join(actors_dir, f)):
                    self.names.update(split_list(r['name']))
        for r in read_tsv(os.path.join(actors_dir, 'persons.tsv')):
            self.names.add(r['name'])
            self.names.update(a.lstrip('~') for a in split_list(r['aliases']))
        for r in read_tsv(os.path.join(actors_dir, 'roles.tsv')):
            for w in split_list(r['words']):
                self.role_words.add(normalise_role(w))
        self.names_without_the = {n[4:] if n.startswith(('The ', 'the ')) else n for n in self.names}

    def has_name(self, name):
        bare = name[4:] if name.startswith(('The ', 'the ')) else name
        return name in self.names or bare in self.names_without_the


# ---------------------------------------------------------------------------------------------
# English words (for common-word checks), from the UD English treebanks when present

class Vocab:
    def __init__(self, dirs):
        self.lower = collections.Counter()  # forms written in lower case in running text
        self.upper = collections.Counter()  # forms written capitalised inside a sentence
        self.found = False
        for d in dirs:
            if not os.path.isdir(d):
                continue
            for name in sorted(os.listdir(d)):
                if not name.endswith('.conllu'):
                    continue
                self.found = True
                with open(os.path.join(d, name), encoding='utf-8') as f:
                    for line in f:
                        if not line or line[0] == '#' or '\t' not in line:
                            continue
                        cols = line.split('\t', 5)
                        if len(cols) < 4 or not cols[0].isdigit():
                            continue
                        if cols[1].islower():
                            self.lower[cols[1]] += 1
                        elif cols[0] != '1' and cols[1][:1].isupper():
                            self.upper[cols[1].lower()] += 1

    def common(self, word, min_count=2):
        """A word that running text writes in lower case more often than capitalised inside a
        sentence ("target", "shell"; not "Google"): as a name it would match sentence starts."""
        w = word.lower()
        return self.lower[w] >= min_count and self.lower[w] >= self.upper[w]


# ---------------------------------------------------------------------------------------------
# Roles: Phoenix.agents.txt

# Words that stay as they are when singularising (the lemmatizer keeps them).
KEEP_S = {'news', 'savings', 'headquarters', 'means', 'series', 'species', 'politics', 'arms', 'mps',
          'ngos', 'chess', 'corps', 'us', 'affairs_', 'christmas', 'aids', 'physics', 'economics',
          'sales', 'customs_', 'is', 'was', 'has', 'its', 'his', 'this', 'thus', 'bus', 'gas',
          'status', 'campus', 'virus', 'bias', 'alias', 'atlas', 'lens', 'analysis', 'crisis',
          'basis', 'thesis', 'diagnosis', 'emphasis', 'hypothesis', 'axis', 'whereas'}
IRREGULAR = {'men': 'man', 'women': 'woman', 'children': 'child', 'people': 'people', 'persons': 'person',
             'thieves': 'thief', 'wives': 'wife', 'midwives': 'midwife', 'lives': 'life', 'knives': 'knife',
             'feet': 'foot', 'teeth': 'tooth', 'mice': 'mouse', 'geese': 'goose', 'police': 'police',
             'media': 'media', 'clergy': 'clergy', 'personnel': 'personnel', 'militia': 'militia',
             'hasidim': 'hasid', 'taxes': 'tax', 'businesses': 'business', 'bosses': 'boss',
             'witnesses': 'witness', 'marquesses': 'marquess', 'processes': 'process',
             'mps': 'mp', 'ngos': 'ngo', 'armies': 'army', 'bodies': 'body', 'parties': 'party',
             'authorities': 'authority', 'ministries': 'ministry', 'reactionaries': 'reactionary',
             'companies': 'company', 'assemblies': 'assembly', 'industries': 'industry',
             'securities': 'security', 'communities': 'community', 'operations': 'operation',
             'affairs': 'affair', 'rights': 'right', 'customs': 'custom', 'forces': 'force',
             'services': 'service', 'resources': 'resource', 'relations': 'relation',
             'works': 'work', 'utilities': 'utility', 'fisheries': 'fishery', 'textiles': 'textile',
             'hydrocarbons': 'hydrocarbon', 'materials': 'material', 'mines': 'mine',
             'communications': 'communication', 'lands': 'land', 'sports': 'sport', 'cities': 'city',
             'ngos_': 'ngo', 'veterans': 'veteran', 'tribes': 'tribe', 'races': 'race', 'appeals': 'appeal',
             'judges': 'judge', 'chiefs': 'chief', 'deputies': 'deputy', 'commons': 'commons',
             'councillors': 'councillor', 'representatives': 'representative', 'students': 'student',
             'families': 'family', 'aquatics': 'aquatics', 'statistics': 'statistics'}


def singular(word):
    """The lemma our lemmatizer gives a plural noun (regular rules plus the table above)."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in KEEP_S or len(w) <= 3 or not w.endswith('s') or w.endswith(('ss', 'us', 'is')):
        return w
    if w.endswith('ies') and len(w) > 4:
        return w[:-3] + 'y'
    if w.endswith(('ches', 'shes', 'sses', 'xes', 'zes')):
        return w[:-2]
    if w.endswith('men'):
        return w[:-3] + 'man'
    return w[:-1]


# Participles and comparatives whose lemma depends on the tagger ("displaced" as ADJ stays,
# as VERB becomes "displace"): a phrase with one is listed in both forms.
LEMMA_ALT = {'holding': 'hold', 'leading': 'lead', 'governing': 'govern', 'registered': 'register',
             'trained': 'train', 'managing': 'manage', 'prosecuting': 'prosecute', 'elected': 'elect',
             'displaced': 'displace', 'alleged': 'allege', 'hired': 'hire', 'owned': 'own', 'ranking': 'rank',
             'backed': 'back', 'higher': 'high', 'lower': 'low', 'ruling': 'rule', 'exiled': 'exile',
             'ousted': 'oust', 'outlawed': 'outlaw', 'protesting': 'protest', 'striking': 'strike',
             'agitated': 'agitate', 'organized': 'organize', 'armed': 'arm', 'commanding': 'command',
             'fighting': 'fight', 'landing': 'land', 'led': 'lead', 'based': 'base', 'controlled': 'control',
             'unidentified': 'unidentify', 'arms': 'arm', 'commons': 'common', 'media': 'medium',
             'operating': 'operate', 'wanted': 'want', 'detained': 'detain', 'militant': 'militant'}


def lemma_variants(phrase):
    words = re.findall(r"[^\s\-,]+|[\-,]|\s", phrase)
    alt = ''.join(LEMMA_ALT.get(w, w) for w in words)
    return [phrase] + ([alt] if alt != phrase else [])


def normalise_role(phrase):
    """A role phrase as the matcher sees it: lower-case lemmas, hyphens as words."""
    words = []
    for w in re.findall(r"[^\s\-,]+|[\-,]", phrase.lower()):
        words.append(singular(w) if w not in '-,' else w)
    return ' '.join(words)


# Role words left out, with the reason. Judged by hand from Phoenix.agents.txt: a role word is
# matched case-insensitively on any noun of any sentence, so it must usually name a person or
# an organisation in news.
ROLE_SKIP = {}


def _skip_roles(reason, words):
    for w in words.split('|'):
        ROLE_SKIP[w.strip()] = reason


_skip_roles('weapon, vehicle or equipment, not an actor',
            'scud missile|tomahawk missile|tomahawk cruise missile|cruise missile|antiaircraft missile|'
            'antiship missile|heavy machine gun|artillery system|tactical vehicle|humvee|hmmwv|'
            'cargo ship|cargo vessel|container ship|containership|container vessel|freighter|'
            'merchant ship|merchant vessel|oil tanker|supertanker|tanker|jumbojet|jumbo jet|oiler|'
            'airliner|commercial jet|jetliner|passenger airliner|passenger jet|carrier|phalanx|'
            'military machine|war machine|military transport plane|pilotless plane')
_skip_roles('place or building, not an actor',
            'village|small town|neighborhood|neighbourhood|settlement|prison|prison house|state prison|'
            'correctional institution|schoolhouse|monastery|buddhist monastary|catholic monastary|'
            'christian monastary|hindu monastary|military base|naval base|rebel base|barracks|'
            'mortar position|fighting position|weapons storage facility|police post|police district|'
            'security check|medical building|diplomatic building|foreign diplomatic building|'
            'healthcare facilitiy|health facility|mental institution|sanatarium|sanatorium|sanitarium|'
            'infirmary|chief\'s office')
_skip_roles('abstract noun or event, not an actor',
            'religion|rebellion|revolt|uprising|insurgence|low level insurgency|ethnic insurgency|'
            'armed insurgency|intelligence information|intelligence activity|intelligence operation|'
            'military presence|military rule|governance|polity|public sector|gangdom|gangland|'
            'a cabinet meeting|special operations|kingdom|constitutional monarcy|echelon|'
            'savings and loan|aerospace|telecom|publication|military led|organized crime|'
            'illicit drug industr|drug enforcement|border security|islamic|hardline islamic|naval|'
            'semi-official|state-owned|retired|naturalized|jewish|royal advisory|the poor|'
            'mass opposition|unspecified opposition|leading news|communications org')
_skip_roles('too general or ambiguous in news',
            'boss|producer|monger|bargainer|cabinetmaker|waiter|waitress|actor|exile|crusader|'
            'believer|native|community|constituent|doc|counsel|counsellor|counselor|advocate|'
            'chamber|assemblage|captain|privateer|stipendiary|sovereign|pm|the pm|hebrew|mother|'
            'customer|mob|excursionist|tourer|non-native|employer|operative|court supreme|'
            'top left leader|top right leader|promulgator|cyberdissidents|ethnic minority races|'
            'students and professor|students and teacher|kanidurgu|tinginist|branokker|nanny|'
            'nursemaid|caseworker|manafacture|transport compan|livestock authorit|port authorit|'
            'official source|rebel source|chief executive|representatives|generals|civil courts|'
            'c in cof|c in c of|lieutentant (jg)|lt. jg|lieutenant jg')
_skip_roles('a common given name or surname (role words match any capitalisation)',
            'fisher|granger|dean|cantor|ensign|hunter|merchant|priest|monk|constable|sheriff|'
            'marshal|chancellor|king|bishop|judge|pope|major|general|sadhu')

# Prefixes joined to the next word by a hyphen in news ("anti-government").
HYPHEN_PREFIX = ('anti', 'pro', 'non', 'self', 'counter', 'sub', 'semi', 'ex', 'co', 'narco')
HYPHEN_SUFFIX = ('run', 'owned', 'backed', 'led', 'based', 'controlled', 'ranking')
# The last year Phoenix's dictionaries were revised: an office they leave open is known to
# last until then, not beyond.
PHOENIX_END = '2015-12-31'
FUNCTION_WORDS = {'of', 'the', 'a', 'an', 'and', 'or', 'for', 'in', 'at', 'to', 'on', 'by', 'with',
                  'from', 'de', 'y', 'civil', 'foreign', 'home', 'their', 'along'}


def role_phrase(raw):
    """Phoenix agent phrase (after substitution) -> our role phrase, or None."""
    s = raw.strip().strip('_').lower()
    s = re.sub(r'[_\s]+', ' ', s).strip()
    words = s.split(' ')
    out = []
    for i, w in enumerate(words):
        if out and w in HYPHEN_SUFFIX and out[-1][-1:].isalpha():
            out[-1] += '-' + w
            continue
        if out and out[-1] in HYPHEN_PREFIX:
            out[-1] += '-' + w
            continue
        out.append(w)
    phrase = ' '.join(out)
    return ' '.join(singular(w) if '-' not in w else '-'.join(
        singular(p) if j == len(w.split('-')) - 1 else p for j, p in enumerate(w.split('-')))
        for w in phrase.split(' '))


def convert_roles(path, ours):
    subs = {}
    entries = []  # (line, phrase, code)
    agent_re = re.compile(r'^(?P<phrase>[^\[{#]*?)\s*(\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]')
    with open(path, encoding='utf-8') as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip('\n')
            s = line.strip()
            if not s or s.startswith('#'):
                continue
            m = re.match(r'^(![A-Z]+!)\s*=\s*(.*)$', s)
            if m:
                subs[m.group(1)] = [x.strip() for x in m.group(2).split(',') if x.strip()]
                continue
            m = agent_re.match(s)
            if not m:
                skip('roles', 'no agent code', s)
                continue
            code = m.group('code').strip()
            if code.startswith('~'):
                code = code[1:]
            elif code.endswith('~'):
                code = code[:-1]
            if not valid_role(code):
                skip('roles', 'code the loader rejects', f'{s}')
                continue
            phrase = m.group('phrase').replace('AD!MINIST!RAT', 'ADMINISTRAT')
            forms = [phrase]
            plural = (m.group('plural') or '').strip()
            if plural:
                forms.append(plural)  # an irregular plural the lemmatizer may keep
            for marker, items in subs.items():
                forms = [x.replace(marker, item) for x in forms for item in items] if any(
                    marker in x for x in forms) else forms
            for form in forms:
                entries.append((no, form, code))

    by_phrase = collections.OrderedDict()  # phrase -> code (the last definition wins, as in PETRARCH)
    raw_of = {}
    for no, form, code in entries:
        if any(ord(c) > 127 for c in form):
            skip('roles', 'not ASCII (mis-encoded in the source)', form)
            continue
        phrase = role_phrase(form)
        if not phrase:
            continue
        if phrase in by_phrase and by_phrase[phrase] != code:
            skip('roles', 'phrase given two codes: the later one kept', f'{phrase}: {by_phrase[phrase]} -> {code}')
        by_phrase[phrase] = code
        raw_of.setdefault(phrase, form)
    out = collections.OrderedDict()
    seen_forms = set()
    for phrase, code in by_phrase.items():
        norm = normalise_role(phrase)
        reason = ROLE_SKIP.get(phrase) or ROLE_SKIP.get(raw_of[phrase].strip().strip('_').lower().replace('_', ' '))
        if reason:
            skip('roles', reason, phrase)
            continue
        if norm in ours.role_words or phrase in ours.role_words:
            skip('roles', 'already in roles.tsv (ours win)', phrase)
            continue
        if phrase.split(' ')[-1] in FUNCTION_WORDS:
            skip('roles', 'ends on a preposition or adjective (a role phrase ends on a noun)', phrase)
            continue
        if re.search(r'\d', phrase.split(' ')[-1]):
            skip('roles', 'ends on a number or model designation (a role phrase ends on a noun)', phrase)
            continue
        if "'" in phrase:
            skip('roles', "has 's (the lemmatizer drops the word)", phrase)
            continue
        # A plural form whose singular is ours or already listed.
        sing = ' '.join(singular(w) for w in phrase.split(' '))
        if sing != phrase and (sing in ours.role_words or sing in seen_forms):
            if sing in ours.role_words:
                skip('roles', 'already in roles.tsv (ours win)', phrase)
            continue
        seen_forms.add(phrase)
        for v in lemma_variants(phrase):
            if v not in out.get(code, []) and normalise_role(v) not in ours.role_words:
                out.setdefault(code, []).append(v)
    return out


# ---------------------------------------------------------------------------------------------
# Actor files: Phoenix.Countries / International / MilNonState

class Entry:
    def __init__(self, path, line, name, gap):
        self.path, self.line, self.names, self.gap = path, line, [name], gap
        self.codes = []      # (code, from ISO, to ISO) with '' for open ends; both '' for default
        self.bad = []        # malformed code restrictions
        self.comments = []


BRACKET = re.compile(r'\[([^\]\[]*)[\]}]')


def parse_date(d):
    """YYMMDD (YY <= 15: 20YY, else 19YY) or YYYYMMDD -> ISO, or None."""
    if re.fullmatch(r'\d{6}', d):
        yy = int(d[:2])
        y = 2000 + yy if yy <= 15 else 1900 + yy
        m, day = int(d[2:4]), int(d[4:6])
    elif re.fullmatch(r'\d{8}', d):
        y, m, day = int(d[:4]), int(d[4:6]), int(d[6:8])
    else:
        return None
    days = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not (1000 <= y <= 9999 and 1 <= m <= 12 and 1 <= day <= days[m - 1]):
        return None
    return f'{y:04d}-{m:02d}-{day:02d}'


def parse_restriction(text):
    """'CODE', 'CODE >d', 'CODE <d', 'CODE d-d' -> (code, from, to) or None."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return (code, '', '')
    d = ''.join(parts[1:])
    if d.startswith('>'):
        f = parse_date(d[1:])
        return (code, f, '') if f else None
    if d.startswith('<'):
        t = parse_date(d[1:])
        return (code, '', t) if t else None
    if '-' in d:
        a, b = d.split('-', 1)
        f, t = parse_date(a), parse_date(b)
        if f and t and f <= t:
            return (code, f, t)
    return None


# CAMEO codes that differ from ours (countries.tsv uses ISO alpha-3), and codes that name no
# actor: KNT is the fictional Kinakuta of the PETRARCH examples; KKL is a placeholder the
# MilNonState file gives groups of many countries.
CODE_MAP = {'TMP': 'TLS'}
NO_ACTOR = {'KNT', 'KKL'}


def map_code(code):
    return CODE_MAP.get(code[:3], code[:3]) + code[3:]


def name_tokens(raw):
    return [t for t in re.split(r'[_\s]+', raw.strip()) if t]


def parse_actor_file(path):
    """PETRARCH actor-dictionary records. A record line without codes followed at once by another
    record line that shares a word with it (Phoenix writes a person's other spellings so, e.g.
    BORIS_YELTSIN_ / BORIS_N._YELTSIN / YELTSIN, then the dates) is merged into that record."""
    entries = []
    cur = None
    gap = True
    with open(path, encoding='utf-8') as f:
        for no, raw in enumerate(f, 1):
            s = raw.strip()
            if not s:
                gap = True
                continue
            if s.startswith('#'):
                continue
            comment = ''
            if '#' in s:
                s, comment = s.split('#', 1)
                s, comment = s.strip(), comment.split('#')[0].strip()
            codes = BRACKET.findall(s)
            head = s.split('[', 1)[0].strip()
            if s.startswith('['):
                if cur is None:
                    continue
            elif s.startswith('+'):
                if cur is None:
                    continue
                cur.names += [n for n in head.split('+') if n.strip('_ ')]
            else:
                new = Entry(path, no, head, gap)
                prev = cur
                if (prev is not None and not gap and not prev.codes and not prev.bad and
                        {t.strip('_.,').upper() for n in prev.names for t in name_tokens(n)} &
                        {t.strip('_.,').upper() for t in name_tokens(head)} - {'', 'THE', 'OF', 'AL'}):
                    prev.names.append(head)  # another spelling of the record above
                else:
                    cur = new
                    entries.append(cur)
                    cur.comments.append(comment)
                    comment = None
            if comment:
                cur.comments.append(comment)
            for c in codes:
                r = parse_restriction(c)
                if r is None:
                    cur.bad.append(c)
                else:
                    cur.codes.append(r)
            gap = False
    return entries


# --- Names -----------------------------------------------------------------------------------

# Particles inside a person's name that English news writes in lower case ("Javier Perez de
# Cuellar", "Ursula von der Leyen", "Mohammed bin Salman", "Bashar al-Assad"). Where some news
# capitalise them ("Van Rompuy", "Al-Assad", "D'Alema") the other form is an alias too.
LOWER_PARTICLES = {'de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'du', 'des', 'la',
                   'le', 'van', 'von', 'ter', 'ten', 'zu', 'y', 'e', 'bin', 'bint', 'ibn', 'al', 'el',
                   'wa', 'wal', 'fi'}
ARTICLE_PREFIXES = {'al', 'el', 'as', 'ash', 'ad', 'ar', 'an', 'at', 'az', 'ath', 'adh', 'ud', 'ul', 'ur'}
GULF_DYNASTIES = {'khalifa', 'khalifah', 'thani', 'saud', 'nahyan', 'nahayan', 'maktoum', 'sabah', 'said',
                  'qasimi', 'nuaimi', 'sharqi', 'mualla'}
ORG_SMALL = {'of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'del', 'la', 'le', 'les',
             'des', 'du', 'el', 'al', 'wa', 'wal', 'fi', 'y', 'e', 'et', 'und', 'der', 'die', 'das', 'di',
             'da', 'dos', 'do', 'by', 'with', 'against', 'from', 'bin', 'ibn', 'or', 'as', 'ul', 'ud', 'ur',
             'para', 'por', 'en', 'con', 'sin', 'pour', 'sur', 'avec', 'il', 'per', 'dello', 'delle', 'degli',
             'van', 'voor', 'og', 'i', 'och', 'och', 'für', 'fur', 'von', 'zu', 'au', 'aux', 'los', 'las'}
MAC_NAMES = {'arthur', 'donald', 'kay', 'kenzie', 'lean', 'leod', 'neil', 'gregor', 'intyre', 'kinnon',
             'innis', 'lennan', 'dougall', 'askill', 'millan', 'farlane', 'aulay', 'cartney', 'kenna'}
KOREAN_SYLLABLES = set("""
ki moon jong un il eun geun hye jae in myung bak hyun hee sook soo young yong ho chul dae jung joon
won suk kyu hwan sung nam taek ju hoon hyuk jin gil woo seok kwan tae min kyung sun ok chan yeon
hae han kook gon gun hong sik rae nak ryong chol song su gwan man hak yun kun hui
""".split())
ROMAN = re.compile(r'^(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$')
INITIALS = re.compile(r'^([A-Za-z]\.)+[A-Za-z]?\.?$')
LEGAL_SUFFIXES = {'inc', 'inc.', 'incorporated', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.',
                  'limited', 'llc', 'plc', 'sa', 's.a.', 'ag', 'nv', 'n.v.', 'lp', 'l.p.', 'holdings', 'company'}
MONTHS = {'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
          'november', 'december'}
VOWELS = set('AEIOUY')


def cap_word(w):
    """'JOHNSON' -> 'Johnson', "O'NEILL" -> "O'Neill", 'MCCAIN' -> 'McCain', "PEOPLE'S" -> "People's"."""
    if not w:
        return w
    low = w.replace('İ', 'I').lower()
    out = low[0].upper() + low[1:]
    if re.match(r"^[A-Za-z]'[a-z]{2,}", out):  # O'Neill, D'Alema
        out = out[:2] + out[2].upper() + out[3:]
    elif out.startswith("'") and len(out) > 1:  # 'Aziz
        out = "'" + out[1].upper() + out[2:]
    if re.match(r'^Mc[a-z]{2,}', out):
        out = 'Mc' + out[2].upper() + out[3:]
    elif out.startswith('Mac') and out[3:] in MAC_NAMES:
        out = 'Mac' + out[3].upper() + out[4:]
    return out


def raw_words(raw):
    """The words of a Phoenix phrase ('JIANG_ZEMIN_' -> ['JIANG', 'ZEMIN']); nicknames in quotes
    are left out; None for a phrase with broken words."""
    raw = raw.replace('`', "'").replace('’', "'")
    toks = [t.strip('_') for t in re.split(r'[_\s]+', raw.strip()) if t.strip('_')]
    toks = [t for t in toks if not (t.startswith('"') or t.endswith('"'))]
    if any(t.startswith('.') or '\ufffd' in t for t in toks):
        return None
    return toks


def name_style(entry):
    """How a person's name is ordered and written: 'korean', 'vietnamese', 'east' (family name
    first: China, Taiwan, Cambodia...), 'hispanic' (two surnames) or 'western'."""
    prefixes = {c[0][:3] for c in entry.codes} | {b.split()[0][:3] for b in entry.bad if b.split()}
    for n in entry.names:
        for t in re.split(r'[_\s]+', n):
            parts = t.lower().split('-')
            if len(parts) == 2 and all(p in KOREAN_SYLLABLES for p in parts):
                return 'korean'
    if prefixes & {'KOR', 'PRK'}:
        return 'korean'
    if 'VNM' in prefixes:
        return 'vietnamese'
    if prefixes & {'CHN', 'TWN', 'HKG', 'MAC', 'KHM', 'SGP'}:
        return 'east'
    if prefixes & HISPANIC:
        return 'hispanic'
    return 'western'


HISPANIC = {'ESP', 'MEX', 'COL', 'ARG', 'PER', 'VEN', 'CHL', 'ECU', 'GTM', 'CUB', 'BOL', 'DOM', 'HND', 'PRY',
            'SLV', 'NIC', 'CRI', 'PAN', 'URY', 'PRI', 'GNQ'}


def person_name(toks, style):
    """Person's words -> (name, variants) as English news writes them."""
    n = len(toks)
    out, lowered = [], False
    for i, t in enumerate(toks):
        parts = t.split('-')
        res = []
        for j, p in enumerate(parts):
            low = p.lower()
            if not p:
                res.append(p)
            elif INITIALS.match(p):
                res.append(p.upper())
            elif ROMAN.match(p.upper()) and i > 0:
                res.append(p.upper())
            elif any(c.isdigit() for c in p):
                res.append(p.upper())
            elif j > 0 and style == 'korean':
                res.append(low)                                     # Ki-moon, Jong-un
            elif j == 0 and len(parts) > 1 and low in ARTICLE_PREFIXES and i > 0:
                res.append(low)                                     # al-Assad
                lowered = True
            elif (j == 0 and len(parts) == 1 and 0 < i and re.match(r"^d'[a-z]{2,}$", low) and
                  style not in ('vietnamese', 'east', 'korean')):
                res.append("d'" + cap_word(p[2:]))                  # Giscard d'Estaing
                lowered = True
            elif (j == 0 and len(parts) == 1 and 0 < i < n - 1 and low in LOWER_PARTICLES and
                  style not in ('vietnamese', 'east', 'korean')):
                if low == 'al' and toks[i + 1].lower() in GULF_DYNASTIES:
                    res.append('Al')                                # Hamad bin Isa Al Khalifa
                else:
                    res.append(low)
                    lowered = True
            else:
                res.append(cap_word(p))
        out.append('-'.join(res))
    name = ' '.join(out)
    variants = []
    if lowered:
        variants.append(' '.join(w[0].upper() + w[1:] if i > 0 else w for i, w in enumerate(out)))
    joined = re.sub(r'(?<=\S) (al|el|Al|El) (?=[A-Z])', lambda m: ' ' + m.group(1) + '-', name)
    if joined != name:
        variants.append(joined)                                     # Bashar al Assad -> al-Assad
    if style == 'korean' and len(out) == 3 and '-' not in name:
        variants.append(f'{out[0]} {out[1]}-{out[2].lower()}')      # Kim Jong Il -> Kim Jong-il
    if style == 'korean' and len(out) == 2 and '-' in out[1]:
        a, b = out[1].split('-', 1)
        variants.append(f'{out[0]} {a} {b.capitalize()}')           # Kim Jong-un -> Kim Jong Un
    return name, [v for v in variants if v != name]


def acronyms_of(names):
    """Letters that are the initials of one of the entry's longer names (FARC, PLA, USAID)."""
    acr = set()
    for n in names:
        words = [re.sub(r'[^A-Za-z]', '', t) for t in re.split(r'[_\s\-/]+', n.strip('_ '))]
        words = [w for w in words if w]
        if len(words) < 2:
            continue
        full = ''.join(w[0] for w in words).upper()
        short = ''.join(w[0] for w in words if w.lower() not in ORG_SMALL).upper()
        for x in (full, short):
            acr.update(x[:k] for k in range(3, len(x) + 1))   # FARC of FARCEP
            if len(x) == 2:
                acr.add(x)
    return acr


def org_name(toks, acronyms, company=False):
    """Organisation's words -> (name, variants): title case, small words in lower case,
    acronyms in capitals; variants: 'al-Qaeda' beside 'Al-Qaeda', 'FATAH' beside 'Fatah', the
    name without Inc/Corp/Ltd."""
    out = []
    single = len(toks) == 1
    for i, t in enumerate(toks):
        lead, core, trail = re.match(r'^([(\["]*)(.*?)([)\]",:;]*)$', t).groups()
        letters = re.sub(r'[^A-Za-z]', '', core)
        low = core.lower()
        if not core:
            w = core
        elif INITIALS.match(core) or any(c.isdigit() for c in core):
            w = core.upper()
        elif letters and (letters.upper() in acronyms or (lead == '(' and trail.startswith(')')) or
                          (len(letters) >= 2 and not set(letters.upper()) & VOWELS) or
                          (single and len(letters) <= (3 if company else 4))):
            w = core.upper()
        elif i > 0 and low in ORG_SMALL:
            w = low
        elif (i > 0 or low in ('us', 'uk', 'un', 'eu', 'au')) and len(letters) == 2 and '-' not in core and \
                low not in ('co',):
            w = core.upper()                                        # UN, EU, US inside a name
        else:
            parts = core.split('-')
            w = '-'.join((p.lower() if (j == 0 and len(parts) > 1 and p.lower() in ARTICLE_PREFIXES and i > 0)
                          or (j > 0 and p.lower() in ORG_SMALL) else cap_word(p))
                         for j, p in enumerate(parts))
        out.append(lead + w + trail)
    name = ' '.join(out)
    variants = []
    first = out[0]
    m = re.match(r'^(Al|El|As|Ash|Ad|Ar|An|At|Az)-', first)
    if m:
        variants.append(' '.join([first[0].lower() + first[1:]] + out[1:]))   # al-Qaeda
    if single and name.isalpha() and 4 <= len(name) <= 5 and name.upper() not in acronyms:
        variants.append(name.upper() if name != name.upper() else cap_word(name))  # FATAH, Fatah
    if len(out) > 1 and out[-1].lower().rstrip(',') in LEGAL_SUFFIXES:
        rest = ' '.join(out[:-1]).rstrip(',')
        variants.append(rest)                                                  # Electronic Arts
    return name, [v for v in variants if v != name]


# --- Person names: titles before a name, words never in a name ----------------------------------

TITLES = set("""
president presidential vice vice-president prime minister premier secretary secretary-general
general gen. gen chairman chairwoman chancellor king queen prince princess crown emir sultan pope
cardinal archbishop bishop reverend rev. rev mr. mrs. ms. dr. mr mrs ms dr sir lord lady dame judge
justice senator sen. rep. representative congressman congresswoman governor gov. mayor ambassador
envoy foreign defense defence finance interior former ex ex- late deputy acting interim chief
commander colonel col. col lt. lt lieutenant major maj. capt. capt captain admiral adm. marshal field
brig. brigadier sgt. party leader reformer dissident opposition activist rebel militant communist
soviet federal supreme spiritual grand mufti ayatollah mullah cleric un u.n. director director-general
head spokesman spokeswoman speaker house senate the new elected president-elect minister-president
emperor empress strongman warlord tycoon commissioner high special exiled ousted deposed slain
military army navy kanzler bundeskanzler bundeskanzlerin kanzlerin bundesprasident presidente
premiere ministre primer ministro secretary-of-state chief-executive un-secretary-general
""".split())
NON_NAME = set("""
of the and administration government regime party leader president minister secretary former
spokesman chief office ministry council committee forces army government's regime's family
loyalists supporters faction group movement front brigade militia network organization
organisation campaign camp followers clan dynasty cabinet junta era rule united nations states
union kingdom republic federation secretary-general nation's for with rights human
observatory international news agency
""".split())


def clean_person_words(raw, ours):
    """A person's name without leading titles and nationalities ('RUSSIAN_PRESIDENT_BORIS_YELTSIN'
    -> Boris Yeltsin); None when the rest is no plain name ('GORBACHEV_ADMINISTRATION')."""
    raw = re.split(r'[,(]', raw)[0]            # "JOHN_MORRISON, VISCOUNT_DUNROSSIL", "TODOROV (ACTING"
    toks = raw_words(raw)
    if not toks:
        return None
    cw = ours.country_words | {'us', 'u.s.', 'uk', 'u.k.', 'american', 'soviet', 'russian', 'chinese'}

    def title(t):
        t = t.lower().rstrip(',')
        return t in TITLES or all(p in TITLES for p in t.split('-') if p)

    while len(toks) > 1:
        t, nxt = toks[0].lower().rstrip(','), toks[1].lower().rstrip(',')
        if title(t) or (t in cw and (title(nxt) or nxt in cw)):
            toks = toks[1:]
        else:
            break
    while len(toks) > 1 and toks[-1].lower() in LOWER_PARTICLES:
        toks = toks[:-1]                                   # a trailing 'AL' (cut-off name)
    for i, t in enumerate(toks):
        lt = t.lower()
        if i == 0 and lt in ('in', 'on', 'to', 'at'):   # Cambodian "In Tam"
            continue
        if lt in NON_NAME or any(c in t for c in ',()/&') or any(c.isdigit() for c in t) or lt.endswith("'s"):
            return None
    return toks


ORG_WORDS = set("""
army party front council movement ministry committee government regime administration forces
force brigade brigades organization organisation union association agency bank group company
corporation corp corp. inc inc. ltd ltd. co. llc plc news radio tv television times post daily
network institute university college league alliance coalition federation congress assembly
parliament court commission office department service services bureau authority police guard
guards corps tribunal foundation fund society center centre program programme mission cell team
declaration riot rifles navy media press board club church mosque temple jihad hezbollah hamas
taliban committees industries holdings airlines airways motors systems energy petroleum oil gas
electric international global world national federal republic kingdom state states unit units
division regiment battalion squad legion militia militias revolutionary liberation resistance
faction brotherhood forum initiative project trust watch republica krajina sfsr ssr oblast
province region territory autonomous kpss tsk politbyuro sovyet germany
""".split())


def organisation_words(words):
    return any(w.lower().strip('.,()') in ORG_WORDS for w in words)


def surname_aliases(words, style):
    """The weak aliases of a person: the family name (first for East Asian names, the first of two
    surnames too for Spanish ones), and 'Assad' for 'al-Assad'."""
    real = [w for w in words if w not in ('Jr.', 'Sr.', 'Jr', 'Sr') and not ROMAN.match(w)
            and not INITIALS.match(w) and w.lower() not in LOWER_PARTICLES]
    if len(real) < 2:
        return []
    out = []
    if style in ('korean', 'east'):
        out.append(real[0])
    elif style == 'vietnamese':
        out += [real[0], real[-1]]
    else:
        out.append(real[-1])
        i = len(words) - 1
        while i > 1 and words[i - 1] in ('von', 'van', 'der', 'den', 'de', 'la', 'du', 'da', 'di', 'del', 'ter'):
            i -= 1
        if i < len(words) - 1:
            out.append(' '.join(words[i:]))                         # von der Leyen
            out.append(words[i][0].upper() + ' '.join(words[i:])[1:])
        m = re.match(r'^(?:al|el|Al|El|as|ash|ad|ar|an|at|az)-(.+)$', real[-1])
        if m:
            out.append(m.group(1))
        if style == 'hispanic' and len(real) >= 3:
            out.append(real[-2])
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------

PROVENANCE = re.compile(r'^(countryinfo\.txt|igorulers\.txt|ngo_actors|un|nato|the eu|\?|recoded from.*|'
                        r'converted from.*|.*\d{2,4}\s*$|.*\$[\d,]+.*)$', re.I)
OFFICE_WORDS = re.compile(r'\b(president|minister|secretary|chairman|chair|director|head|governor|'
                          r'ambassador|commissioner|representative|envoy|chief|king|queen|leader|'
                          r'judge|general|speaker|mayor|premier|chancellor|prosecutor)\b', re.I)


def office_of(entry):
    for c in entry.comments:
        c = (c or '').strip()
        if c and not PROVENANCE.match(c) and OFFICE_WORDS.search(c) and len(c) < 80:
            return c.replace('\t', ' ')
    return 'phoenix'


def day_before(iso):
    import datetime
    d = datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)
    return d.isoformat()


MEDIA_COUNTRY = {'REUTERS': 'GBR', 'NEW YORK TIMES': 'USA', 'WASHINGTON POST': 'USA', 'ASSOCIATED PRESS': 'USA',
                 'JAZEERA': 'QAT', 'XINHUA': 'CHN', 'WALL STREET JOURNAL': 'USA', 'GREENWALD': 'USA',
                 'BUZZFEED': 'USA', 'ARABIYA': 'ARE', 'BBC': 'GBR', 'CNN': 'USA', 'AFP': 'FRA',
                 'AGENCE FRANCE': 'FRA', 'MCCLATCHY': 'USA', 'ITAR': 'RUS', 'TASS': 'RUS', 'INTERFAX': 'RUS',
                 'KYODO': 'JPN', 'YONHAP': 'KOR', 'ANSA': 'ITA', 'DPA': 'DEU', 'EFE': 'ESP', 'IRNA': 'IRN',
                 'MENA': 'EGY', 'PTI': 'IND', 'KCNA': 'PRK', 'BLOOMBERG': 'USA', 'GUARDIAN': 'GBR',
                 'NHK': 'JPN', 'FOX NEWS': 'USA', 'NPR': 'USA', 'CBS': 'USA', 'NBC': 'USA', 'ABC NEWS': 'USA'}

# One-word organisation names (mostly companies) that news uses as ordinary words or names of
# other things; judged by hand from igos-phoenix.tsv.
RISKY_ONE_WORD = set('''
tigers carnival courier deluxe echelon emeritus falcon hawk icon buckle exponent frontline harmonic
escalade diodes alloy cubic coherent dover boise cadiz brunswick cherokee apache graham holly lindsay
marcus rogers pearson donaldson soviet midas seaboard northwestern ace contras boogeymen clandestini
insula cato copa courier dolan ennis hawkins brady cott culp gera halle amit eyal hoku
'''.split())


class Converter:
    def __init__(self, ours, vocab):
        self.ours, self.vocab = ours, vocab
        self.person_tokens = collections.Counter()
        self.persons, self.igos = [], []
        self.ours_from = {}  # our persons' earliest `from`
        self.ours_names = {}  # a full name of one of our persons -> the names we give that person
        self.ours_undated = set()  # full names of our persons with an undated (default) line
        for r in read_tsv(os.path.join(ours.dir, 'persons.tsv')):
            f = r['from'] or '0001'
            f = f + '-01-01'[len(f) - 4:] if len(f) < 10 else f
            given = [r['name']] + [a for a in split_list(r['aliases']) if not a.startswith('~')]
            for n in [r['name']] + [a for a in given[1:] if ' ' in a]:
                self.ours_from[n] = min(self.ours_from.get(n, f), f)
                self.ours_names.setdefault(n, set()).update(given)
                if not r['from'] and not r['to']:
                    self.ours_undated.add(n)

    def common(self, word):
        return self.vocab.found and self.vocab.common(word)

    def usable_name(self, name, kind):
        """A name for igos-phoenix.tsv, or a reason to leave it out."""
        if not name or len(name) < 2:
            return False
        if self.ours.has_name(name):
            skip(kind, 'name already in our files (ours win)', name)
            return False
        if any(c in name for c in '\t|~\ufffd'):
            skip(kind, 'unusable characters', name)
            return False
        bare = name[4:] if name.startswith(('The ', 'the ')) else name
        words = bare.split(' ')
        if len(words) == 1 and self.vocab.found and self.vocab.common(bare, 1) and bare != bare.upper():
            skip(kind, 'one common English word (would match sentence starts)', name)
            return False
        if len(words) == 1 and bare != bare.upper() and (
                bare.lower() in RISKY_ONE_WORD or self.person_tokens[bare.lower()] >= 2):
            skip(kind, 'one word that is also a common name or word (would match other things)', name)
            return False
        if len(words) == 1 and bare.isupper() and len(bare.replace('.', '')) <= 3 and kind == 'igos':
            # Three-letter acronyms name many things ("ANA": the Afghan National Army and the
            # Albanian National Army): only our own files list such acronyms.
            skip(kind, 'an acronym of three letters or fewer (ambiguous)', name)
            return False
        if words[0].lower() in MONTHS and len(words) > 1 and words[1].isdigit():
            skip(kind, 'reads as a date', name)
            return False
        if generic_org_name(name, self.ours):
            skip(kind, 'a country or role words only (our rules code it)', name)
            return False
        return True

    def add_org(self, code, entry, base):
        if code == 'MED':
            # Phoenix codes the international media MED with no country; the coder would take
            # one from the story's places. Their home countries, as facts:
            home = next((MEDIA_COUNTRY[k] for n in entry.names for k in MEDIA_COUNTRY
                         if k in n.upper().replace('_', ' ')), None)
            if not home:
                skip('igos', 'a medium with no country (MED)', entry.names[0])
                return
            code = home + 'MED'
        acr = acronyms_of(entry.names)
        names = []
        raws = []
        for raw in entry.names:
            m = re.search(r'\(([^()]*)\)', raw)
            if m:  # "ISLAMIC_ARMY_OF_ADEN_(IAA)_": the name, and the acronym as a name of its own
                inner = m.group(1).strip('_ ')
                raws.append(raw[:m.start()] + raw[m.end():])
                if re.fullmatch(r'[A-Za-z]{3,8}', inner) and inner.lower() not in self.ours.country_words:
                    raws.append(inner.upper())
            else:
                raws.append(raw.replace('(', ' ').replace(')', ' '))
        for raw in raws:
            toks = raw_words(raw)
            if not toks:
                skip('igos', 'unusable characters', raw)
                continue
            n, variants = org_name(toks, acr, company=code.startswith('MNC'))
            for x in [n] + variants:
                if x not in names and self.usable_name(x, 'igos'):
                    names.append(x)
        if names:
            self.igos.append((code, names, base))

    def add_person(self, entry, cleaned, dated, default, style, common_tokens):
        primary = next((c for c in cleaned if c and len(c) >= 2), None) or next(c for c in cleaned if c)
        name, variants = person_name(primary, style)
        if len(primary) == 1:
            w = primary[0].lower()
            if self.common(w) or common_tokens[w] >= 3 or w in self.ours.country_words:
                skip('persons', 'a one-word name that is a common word or given name', name)
                return
        strong, weak = list(variants), []
        for c in cleaned:
            if not c:
                continue
            n, v = person_name(c, style)
            for x in [n] + v:
                (strong if len(x.split(' ')) >= 2 else weak).append(x)
        weak += surname_aliases(name.split(' '), style)
        limit = min((self.ours_from[k] for k in [name] + strong if k in self.ours_from), default=None)
        # A person ours know keeps, for the offices before ours begin, the names ours give that
        # person ("Erdogan" for Erdogan's years as prime minister, before our line as president),
        # as strong aliases.
        # (The same person: Phoenix's own name is one of the full names ours give.)
        known = self.ours_names.get(name, set())
        strong = [s for s in dict.fromkeys(strong) if s != name and (not self.ours.has_name(s) or s in known)]
        # "Al Assad", "Bin Laden": a family name alone is weak too.
        weak += [s for s in strong if s.split(' ')[0].lower() in LOWER_PARTICLES and len(s.split(' ')) == 2]
        strong = [s for s in strong if s not in weak]
        strong += [w for w in dict.fromkeys(weak) if w in known and w not in strong and w != name]
        weak = [w for w in dict.fromkeys(weak)
                if w != name and w not in strong and len(w) >= 2 and not self.common(w)]
        aliases = '|'.join(strong + ['~' + w for w in weak])
        office = office_of(entry)

        def order(c):  # on overlaps the later start wins, an office before ELI
            return (c[0][3:6] == 'ELI' or c[0] == 'ELI', -int((c[1] or '0').replace('-', '')))

        bare = [d for d in default if d[0][:3] not in self.ours.countries and not re.match(r'^(IGO|NGO|MNC|IMG)', d[0])
                and len(d[0]) == 3]
        for d in bare:
            skip('persons', 'an undated code with no country or organisation (bare ELI): dropped', f'{name} {d[0]}')
        default = [d for d in default if d not in bare]
        roles = sorted(dated, key=order) + default[-1:]
        if len(default) > 1 and len({d[0] for d in default}) > 1:
            skip('persons', 'more than one undated code: the last kept', f'{name} {[d[0] for d in default]}')
        seen = set()
        for code, f, t in roles:
            # (Phoenix's undated role, "elite" out of office, stays where ours give none.)
            if limit and not f and not t and any(k in self.ours_undated for k in [name] + strong):
                skip('persons', 'the undated role of a person persons.tsv has (ours win)', f'{name} {code}')
                continue
            if limit:
                # Ours know this person: Phoenix adds the offices before ours begin.
                if f and f >= limit:
                    skip('persons', 'a dated role from when persons.tsv has the person (ours win)', f'{name} {code} {f}')
                    continue
                if t and t >= limit:
                    t = day_before(limit)
                elif not t:  # an office open in Phoenix is known until Phoenix ends, at the latest
                    t = min(day_before(limit), PHOENIX_END) if f else day_before(limit)
            line = (name, aliases, code, f, t, office)
            if (code, f, t) in seen:
                continue
            seen.add((code, f, t))
            self.persons.append(line)

    def convert(self, paths, mil_path):
        ours = self.ours
        entries = []
        for path in paths:
            entries += [(os.path.basename(path), e) for e in parse_actor_file(path)]
        # How often a word is part of a person's name (one-word names like "Hussein" are left
        # out), and how often it starts one (given names: an undated "SAMIR_GEAGEA" is a person).
        common_tokens, given_names = collections.Counter(), collections.Counter()
        for _, e in entries:
            if any(f or t for _, f, t in e.codes):
                for t in set(w.lower() for n in e.names for w in (raw_words(n) or [])):
                    common_tokens[t] += 1
                first = clean_person_words(e.names[0], ours)
                if first and len(first) >= 2:
                    given_names[first[0].lower()] += 1
        self.person_tokens = common_tokens
        for base, e in entries:
            kind = 'actors'
            for c in e.codes:
                if not valid_role(c[0]):
                    skip(kind, 'code the loader rejects (that code)', f'{e.names[0]} [{c[0]}]')
            for b in e.bad:
                skip(kind, 'unreadable code or date (that restriction)', f'{e.names[0]} [{b}]')
            codes = [(map_code(c), f, t) for c, f, t in e.codes if valid_role(c)]
            if any(c[:3] in NO_ACTOR for c, _, _ in codes):
                skip(kind, 'a fictional or placeholder code (KNT, KKL)', e.names[0])
                continue
            if not codes:
                skip(kind, 'no usable code', e.names[0])
                continue
            if any(' '.join(raw_words(n) or []).lower() in ours.country_words for n in e.names) or \
                    all(not f and not t and c in ours.countries for c, f, t in codes):
                skip(kind, 'a country (countries.tsv has the countries)', e.names[0])
                continue
            dated = [c for c in codes if c[1] or c[2]]
            default = [c for c in codes if not c[1] and not c[2]]
            cleaned = [clean_person_words(n, ours) for n in e.names]
            primary = next((c for c in cleaned if c and len(c) >= 2), None) or next((c for c in cleaned if c), None)
            person = primary is not None and not organisation_words(primary) and \
                not all(len(c) == 3 and c not in ('IGO', 'NGO', 'MNC', 'IMG', 'ELI', 'MED') for c, _, _ in codes) and (
                bool(dated) or (2 <= len(primary) <= 4 and (any(
                    'countryinfo' in (c or '').lower() or 'igorulers' in (c or '').lower() for c in e.comments)
                    or given_names[primary[0].lower()] >= 3 or common_tokens[primary[0].lower()] >= 3) and
                    not any(not set(re.sub(r'[^A-Za-z]', '', t).upper()) & VOWELS for t in primary)))
            if person and not dated and all(self.common(w) for w in primary):
                person = False                               # "HUMAN_RIGHTS [NGOHRI]"
            if person:
                self.add_person(e, cleaned, dated, default, name_style(e), common_tokens)
                continue
            if default:
                code = default[-1][0]
            else:
                code = sorted(dated, key=lambda c: c[1] or '0000')[-1][0]
                skip('igos', 'organisation with dated codes: the latest code kept', f'{e.names[0]} -> {code}')
            self.add_org(code, e, base)
        # Non-state armed groups.
        for e in parse_actor_file(mil_path):
            codes = [(map_code(c), f, t) for c, f, t in e.codes if valid_role(c)]
            if any(c[:3] in NO_ACTOR for c, _, _ in codes):
                skip('igos', 'a fictional or placeholder code (KNT, KKL)', e.names[0])
                continue
            if not codes:
                skip('igos', 'no usable code', e.names[0])
                continue
            default = [c for c in codes if not c[1] and not c[2]]
            self.add_org((default or codes)[-1][0], e, os.path.basename(mil_path))
        return self.persons, self.igos


GENERIC_EXTRA = set("""
the of and for in on at to a an us u.s. uk u.k. un u.n. official officials government state
states united national federal central supreme high chief department ministry office house white
secretary president vice prime minister council committee agency leader leaders spokesman
representative ambassador delegation mission forces force army military navy troops soldiers
police security intelligence services service court justice justices parliament congress senate
assembly legislature administration authorities authority regime junta cabinet
""".split())


def generic_org_name(name, ours):
    """A name that is only country words and role or function words ("US Senate", "Senate",
    "President of the United States"): our own rules code it, and as a name it would take the
    words from every other country."""
    text = ' ' + name.lower() + ' '
    for cw in sorted(ours.country_words, key=len, reverse=True):
        if ' ' in cw and f' {cw} ' in text:
            text = text.replace(f' {cw} ', ' ')
    words = [w.strip('.,()') for w in re.split(r'[\s\-]+', text) if w.strip('.,()')]
    return all(w in ours.country_words or w in GENERIC_EXTRA or normalise_role(w) in ours.role_words or
               normalise_role(w) in ours.phoenix_role_words
               for w in words)


# ---------------------------------------------------------------------------------------------
# Output

def header_lines(what):
    return [f'# {what}: {SOURCE_NOTE}.']


def write_roles(path, roles):
    lines = header_lines('Agent words of Phoenix.agents.txt')
    lines += ['# Words are lower-case lemmas (singular nouns), matched like roles.tsv; roles.tsv wins where both',
              '# list a word. Left out: words already in roles.tsv, weapons, places, abstract nouns, and words',
              '# too general or too often a name (see ROLE_SKIP in the script). A few irregular plurals the',
              '# lemmatizer may keep are listed as well ("congressmen").']
    lines.append('role\twords')
    for code in sorted(roles):
        lines.append(f'{code}\t' + '|'.join(roles[code]))
    write(path, lines)


def write_persons(path, persons):
    lines = header_lines('Persons of Phoenix.Countries.actors.txt and Phoenix.International.actors.txt')
    lines += ['# One line per dated role (Phoenix YYMMDD dates: YY <= 15 is 20YY), then the undated default',
              '# role with empty from/to (Phoenix\'s code outside the dated ranges). Phoenix was last revised',
              '# about 2014-2016: an empty `to` means "open in Phoenix", not "in office today". Surnames',
              '# are weak aliases (~Name: they count only when the full name is in the document).']
    lines.append('name\taliases\tcode\tfrom\tto\toffice')
    for p in persons:
        lines.append('\t'.join(p))
    write(path, lines)


def write_igos(path, igos):
    lines = header_lines('Organisations and armed groups of Phoenix.Countries, .International and '
                         '.MilNonState.actors.txt')
    lines += ['# Codes as Phoenix gives them (an organisation\'s code is used whole: CHNMED, IGOUNO, MNCUSA,',
              '# COLREB). Names already in our files, and names that are only country and role words, are',
              '# left out.']
    lines.append('code\tnames')
    for code, names, _ in igos:
        lines.append(f'{code}\t' + '|'.join(names))
    write(path, lines)


LICENSE_HEAD = """The files roles-phoenix.tsv, persons-phoenix.tsv and igos-phoenix.tsv in this folder are
converted by scripts/phoenix_actors.py from the Phoenix dictionaries of PETRARCH2
(Phoenix.agents.txt, Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt), which carry the following licence in their headers.
They were provided by the Computational Event Data System Project
(http://eventdata.parusanalytics.com); Phoenix.Countries.actors.txt was produced from
CountryInfo.140130.txt; Phoenix.MilNonState.actors.txt derives its organisation names from the
START TOPS database.

"""


def license_text(phoenix_dir):
    """The MIT licence as the dictionaries' headers give it."""
    path = os.path.join(phoenix_dir, 'Phoenix.agents.txt')
    out, on = [], False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#'):
                if on:
                    break
                continue
            body = line[1:].rstrip('\n')
            body = body[1:] if body.startswith(' ') else body
            if body.strip() == 'The MIT License (MIT)':
                on = True
            if on:
                out.append(body.rstrip())
    while out and not out[-1]:
        out.pop()
    if not out:
        sys.exit('no MIT licence found in the header of ' + path)
    return LICENSE_HEAD + '\n'.join(out) + '\n'


def write(path, lines):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--phoenix', default=DEFAULT_PHOENIX, help='Phoenix dictionary folder')
    ap.add_argument('--out', default=os.path.join(REPO, 'data', 'actors'), help='output folder (our actor TSVs)')
    ap.add_argument('--ud', nargs='*', default=DEFAULT_UD, help='UD English treebank folders (common words)')
    ap.add_argument('--report', action='store_true', help='print the skip counts with examples')
    args = ap.parse_args()
    px = os.path.normpath(args.phoenix)
    for f in ('Phoenix.agents.txt', 'Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt',
              'Phoenix.MilNonState.actors.txt'):
        if not os.path.exists(os.path.join(px, f)):
            sys.exit(f'missing {os.path.join(px, f)} (--phoenix DIR)')
    ours = Ours(args.out)
    vocab = Vocab([os.path.normpath(d) for d in args.ud])
    if not vocab.found:
        print('warning: no UD treebank found: one-word names are not checked against common words',
              file=sys.stderr)
    roles = convert_roles(os.path.join(px, 'Phoenix.agents.txt'), ours)
    ours.phoenix_role_words = {normalise_role(w) for words in roles.values() for w in words}
    persons, igos = Converter(ours, vocab).convert(
        [os.path.join(px, 'Phoenix.Countries.actors.txt'), os.path.join(px, 'Phoenix.International.actors.txt')],
        os.path.join(px, 'Phoenix.MilNonState.actors.txt'))
    write_roles(os.path.join(args.out, 'roles-phoenix.tsv'), roles)
    write_persons(os.path.join(args.out, 'persons-phoenix.tsv'), persons)
    write_igos(os.path.join(args.out, 'igos-phoenix.tsv'), igos)
    with open(os.path.join(args.out, 'LICENSE-phoenix.txt'), 'w', encoding='utf-8') as f:
        f.write(COUNTRYINFO_NOTE + license_text(px))
    n_words = sum(len(v) for v in roles.values())
    print(f'roles-phoenix.tsv: {len(roles)} codes, {n_words} words; persons-phoenix.tsv: {len(persons)} lines, '
          f'{len({p[0] for p in persons})} persons; igos-phoenix.tsv: {len(igos)} organisations, '
          f'{sum(len(n) for _, n, _ in igos)} names', file=sys.stderr)
    if args.report:
        for (kind, reason), n in sorted(skips.items()):
            print(f'skipped {kind}: {reason}: {n}  e.g. ' + '; '.join(skip_examples[(kind, reason)][:4]),
                  file=sys.stderr)


if __name__ == '__main__':
    main()
