// Document: one article and everything the pipeline learns about it.
//
// A Document owns its text and keeps the results of every stage in flat arrays
// that refer into it by byte offsets (Span) or by index: nothing is a graph of
// heap nodes. Stages append to it; readers fill the metadata and the text.
//
//   text      the article text as read: for HTML the extracted text, for JSONL
//             the `text` field; invalid UTF-8 replaced by U+FFFD and NFC-normalised
//             (see text/normalize.h). Every offset in this file is a byte offset
//             into `text`.
//   blocks    paragraphs, each classified (news, title, header, boilerplate...).
//   tokens    surface tokens: contiguous byte ranges of the text.
//   words     syntactic words (CoNLL-U rows); a multi-word token ("don't")
//             has several words ("do", "n't") whose spans lie inside it.
//   sentences runs of tokens and words inside one block.
//   mentions  entity mentions (names, role nouns, pronouns), in text order.
//   chains    coreference chains: mentions of one person, organisation or place.
//   times     time expressions with their normalised value.
//   places    place mentions resolved to a country (and first-level subdivision).
//   events    coded events (CAMEO); quotes: quotations with their speakers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A calendar date; year 0 means unknown.
struct Date {
  int16_t year = 0;
  uint8_t month = 0;  // 1..12
  uint8_t day = 0;    // 1..31
  bool known() const { return year != 0; }
  std::string iso() const;  // "2022-03-02", or "" when unknown
  // Whether day d of month m of year y (1..9999) is on the calendar (2022-02-30 is not).
  static bool exists(int y, int m, int d);
  // Exactly "YYYY-MM-DD" naming a day that exists; the one check of an ISO date
  // given by a user (CLI options, API parameters, store filters).
  static std::optional<Date> parse_iso(std::string_view s);
  friend bool operator==(const Date&, const Date&) = default;
};

// What a paragraph of the text is. Only kNews and kTitle blocks are tokenized
// into sentences; the others stay in the document, marked, and out of the news.
// DO NOT CHANGE the values: they are stored.
enum class BlockKind : uint8_t {
  kNews = 0,         // body text
  kTitle = 1,        // the headline (tokenized: headlines report events too)
  kHeader = 2,       // a metadata header line ("date 2022-03-02", "Source: ...")
  kBoilerplate = 3,  // newsletter prompts, share/follow lines, legal lines
  kCaption = 4,      // photo captions and credits
  kRepeated = 5,     // a headline line repeated later in the body
};
const char* block_kind_name(BlockKind kind);

struct Block {
  Span span;
  BlockKind kind = BlockKind::kNews;
};

struct Token {
  Span span;
  uint32_t first_word = 0;  // index into Document::words
  uint16_t word_count = 1;  // > 1 for a multi-word token
  bool space_after = true;  // false when the next token follows without white space
};

struct Word {
  Span span;           // bytes of this word inside its token's span
  uint32_t token = 0;  // index into Document::tokens
  // Filled by the tagger and the parser (0 = not analysed yet).
  uint16_t upos = 0, xpos = 0, deprel = 0;  // ids into core/tagset.h
  uint32_t head = 0;   // CoNLL-U HEAD: 0 = root, else 1-based index within the sentence
  Span lemma;          // bytes in Document::pool (empty: not lemmatised)
  Span feats;          // bytes in Document::pool ("Number=Sing|..."; empty: "_")
};

struct Sentence {
  Span span;
  uint32_t first_token = 0, token_count = 0;
  uint32_t first_word = 0, word_count = 0;
  uint32_t block = 0;  // index into Document::blocks
  bool dateline = false;  // a wire dateline opening its block ("KABUL (Reuters) -"), a sentence of its own
};

// ---- Entities (src/entities) ------------------------------------------------

// Named-entity types. DO NOT CHANGE the values: they are stored in models.
enum class EntityType : uint8_t {
  kNone = 0,
  kPerson = 1,
  kOrg = 2,
  kGpe = 3,    // countries, cities, states
  kLoc = 4,    // other places: regions, rivers, mountains...
  kNorp = 5,   // nationalities, religious and political groups ("Ukrainian")
  kEvent = 6,
  kDate = 7,
  kTime = 8,
};
inline constexpr int kEntityTypeCount = 9;
const char* entity_type_name(EntityType type);  // "PERSON", "ORG", "GPE", ...

enum class MentionKind : uint8_t {
  kName = 0,     // a proper name: "Wang Yi", "China"
  kNominal = 1,  // a description: "the Chinese foreign minister"
  kPronoun = 2,  // he, she, his, they...
};
const char* mention_kind_name(MentionKind kind);  // "name", "nominal", "pronoun"

struct Mention {
  Span span;                   // bytes of the mention in the text
  uint32_t sentence = 0;       // index into Document::sentences
  uint32_t first_word = 0;     // index into Document::words
  uint32_t word_count = 0;
  uint32_t head_word = 0;      // index into Document::words: the syntactic head
  EntityType type = EntityType::kNone;
  MentionKind kind = MentionKind::kName;
  int32_t chain = -1;          // index into Document::chains, -1 when none
  // Why it joined its chain (entities/coref.h): the sieve pass that linked it
  // (0 = first of its chain or unlinked) and the mention it was linked to.
  uint8_t sieve = 0;
  int32_t antecedent = -1;     // index into Document::mentions, -1 when none
};

// A coreference chain: every mention of one entity in the document.
struct Chain {
  std::string canonical;  // the best name ("Wang Yi")
  EntityType type = EntityType::kNone;
  std::string actor;      // CAMEO actor code ("CHNGOV"); empty when unknown
  std::string evidence;   // why the code was given (dictionary entry, apposition...)
  bool foreign = false;   // a role of people from abroad ("foreign journalists"): no country's
  // Its country is the setting's, not the text's word for it: a bare role ("military sources")
  // given the country of its sentence's place or of the article (entities::localize_agents).
  bool country_from_setting = false;
};

// ---- Time expressions (src/time) ------------------------------------------------

enum class TimeGranularity : uint8_t { kUnknown = 0, kDay = 1, kWeek = 2, kMonth = 3, kYear = 4, kPartOfDay = 5 };
const char* time_granularity_name(TimeGranularity g);  // "day", "week", ...

struct TimeExpr {
  Span span;
  uint32_t sentence = 0;
  std::string value;   // ISO: "2022-04-11", "2022-W14", "2022-04", "2022", "2022-04-12TNI"; "XXXX-04-11" year unknown
  TimeGranularity granularity = TimeGranularity::kUnknown;
  Date date;           // the day it names (or the first day of its period); unknown when not resolvable
  std::string anchor;  // what it was resolved against ("document date 2022-04-12", "text date 2022-03-02", ...)
};

// ---- Places (src/places) --------------------------------------------------------

// A point on the earth in WGS84 degrees, as the gazetteer gives it; `known` false when it
// has none.
struct GeoPoint {
  double lat = 0, lon = 0;
  bool known = false;
  bool of_country = false;  // the place's country's point, standing in for the place's own
};

struct Place {
  Span span;
  uint32_t sentence = 0;
  int32_t mention = -1;    // index into Document::mentions when the place is a mention
  std::string name;        // canonical name ("Kyiv")
  std::string country;     // CAMEO/ISO alpha-3 country code ("UKR"); empty when unknown
  std::string admin1;      // ISO 3166-2 subdivision ("UA-30"); may be empty
  std::string evidence;    // gazetteer entry, or the context it was learned from
  // How precise a location it is, as ACLED's geo_precision: 1 a town or city, 2 a region
  // or province, 3 a country; 0 unknown.
  uint8_t precision = 0;
  // Where it is: the gazetteer's point of the place, or of its country when the gazetteer
  // has none for the place itself (a region, a subdivision, a learned town).
  GeoPoint point;
};

// ---- Events and quotes (src/events, src/quotes) -------------------------------

struct EventActor {
  std::string code;        // CAMEO actor code; empty when unknown
  Span text;               // the words naming the actor in the text (may be empty)
  int32_t chain = -1;      // its coreference chain, -1 when none
};

// A count the text gives for what an event did ("at least 12 civilians were killed").
struct Figure {
  int64_t min = -1;        // -1: the text states none
  int64_t max = -1;        // -1: open above ("more than 50"); equal to min for an exact count
  Span text;               // the words it came from ("at least 12 civilians")
  uint32_t sentence = 0;   // where they are
  bool known() const { return min >= 0; }
  bool exact() const { return min >= 0 && max == min; }
};

// How many were killed, injured, arrested, displaced (events/magnitudes.h).
// The kinds and their names are listed here once: the finder, the writers and the store
// walk them by index (`m[k]`, `Magnitudes::kNames[k]`).
struct Magnitudes {
  enum Kind : uint8_t { kDead, kInjured, kArrested, kDisplaced };
  static constexpr int kKinds = 4;
  static constexpr std::string_view kNames[kKinds] = {"dead", "injured", "arrested", "displaced"};
  Figure dead, injured, arrested, displaced;

  Figure& operator[](int k) {
    switch (k) {
      case kDead: return dead;
      case kInjured: return injured;
      case kArrested: return arrested;
      default: return displaced;
    }
  }
  const Figure& operator[](int k) const { return const_cast<Magnitudes&>(*this)[k]; }
  bool any() const {
    for (int k = 0; k < kKinds; ++k)
      if ((*this)[k].known()) return true;
    return false;
  }
};

// A figure the text states (events/magnitudes.h) and the event that carries it, if one
// does: a running total ("the US death toll in Iraq has reached 2,947") or deaths told with
// no event coded ("Thirteen soldiers have died there") stay figures of their sentence.
struct StatedFigure {
  std::string_view kind;  // one of Magnitudes::kNames
  Figure figure;
  int32_t event = -1;     // index into Document::events of the event it was read for; -1: none
  bool total = false;     // a running total: "the death toll rose to 35", "the number ... has reached"
};

// Who says who did an event (events/claims.h): "Russia blames Ukraine for the strike",
// "The Kremlin denies any involvement", "according to officials, Russian forces shelled".
struct Claim {
  EventActor by;           // who says so
  std::string stance;      // "blames", "accuses", "claims", "denies", "attributes"
  EventActor party;        // who is said to have done it (for "denies": who denies doing it)
  uint32_t sentence = 0;   // where it is said
  Span evidence;           // the words that say it ("blames", "denies", "said")
};

struct Event {
  uint32_t sentence = 0;
  Span span;               // the evidence: the words that triggered the code
  EventActor source, target;
  std::string code;        // CAMEO event code, "041"
  // The verb dictionary line that matched ("17-coerce.txt:171"; the coder may refine its code
  // by the sides); empty when a rule of the coder's own (the host of a visit) or the PETRARCH
  // path made the event.
  std::string pattern;
  Date date;               // the event's day (its own time expression, else the document date)
  int32_t time = -1;       // index into Document::times when dated by a time expression
  int32_t place = -1;      // index into Document::places
  bool negated = false;
  bool future = false;
  // Holds both ways: coded by a `symmetric` pattern of the verb dictionary
  // ("exchanged prisoners", "held talks") or among the members of a compound
  // ("X and Y met"). The store keeps A->B and B->A of such an event as one.
  bool mutual = false;
  EventActor reported_by;  // who reported it ("X said Y did Z"); empty code and text when none
  std::vector<EventActor> also_reported_by;  // the others of a list of speakers ("medics and witnesses said")
  int32_t quote = -1;      // index into Document::quotes when coded inside a quotation
  float confidence = 0;
  Magnitudes size;         // material events (roots 14-20) only: all the article tells of it
  Magnitudes told;         // the figures of its own sentence (a report's own word, for the store)
  int32_t reports = -1;    // the earlier event this one tells again (a toll: "57 people were killed")
  // Who says who did it: on violent events (roots 18-20), or on an accusation, denial or
  // claim itself when the article tells its deed as no event (events/claims.h).
  std::vector<Claim> claims;
  bool contested = false;  // the claims disagree about who did it
};

struct Quote {
  Span span;               // the quoted content (without the quotation marks)
  uint32_t sentence = 0;   // the sentence where it starts
  Span speaker;            // the words naming the speaker; empty when not found
  int32_t speaker_chain = -1;
  Span cue;                // "said", "according to"...; may be empty
  bool direct = true;      // false for indirect speech
};

struct Document {
  // Metadata.
  std::string id;      // file stem, or the `id` field
  std::string title;   // may be empty
  Date date;           // publication date; may be unknown
  std::string date_source;  // how `date` was found: "metadata", "--date option", "text: ...", "batch: ..." (src/time)
  std::string source;  // outlet; may be empty
  std::string url;     // may be empty
  std::string path;    // where it was read from ("-" for standard input)

  std::string text;
  // While a caseless text is analysed with its capitals restored (text/truecase.h),
  // the text as read; put back when the pipeline ends. Empty otherwise.
  std::string original_text;
  std::vector<std::string> warnings;  // repaired bytes, skipped parts... (for the user)

  std::vector<Block> blocks;
  std::vector<Token> tokens;
  std::vector<Word> words;
  std::vector<Sentence> sentences;
  std::string pool;  // lemmas and features of the words (Word::lemma, Word::feats)

  std::vector<Mention> mentions;  // sorted by span.begin
  std::vector<Chain> chains;
  std::vector<TimeExpr> times;
  std::vector<Place> places;  // in text order (places/places.h)
  // The country the document is mostly about (entities::localize_agents: its places and
  // actors, the first sentences counting double), a CAMEO code; empty when none leads.
  std::string country;
  std::vector<Event> events;
  std::vector<StatedFigure> figures;  // every casualty and arrest figure stated, in text order
  std::vector<Quote> quotes;

  std::string_view str(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view token_text(uint32_t i) const { return str(tokens[i].span); }
  std::string_view word_text(uint32_t i) const { return str(words[i].span); }
  std::string_view pooled(Span s) const { return std::string_view(pool).substr(s.begin, s.size()); }
  // Appends `s` to the pool and returns where it lies.
  Span add_to_pool(std::string_view s) {
    Span span{static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(pool.size() + s.size())};
    pool.append(s);
    return span;
  }
};

}  // namespace sitrep
