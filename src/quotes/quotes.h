// Quotations and their speakers.
//
// find_quotes fills Document::quotes from the parsed sentences:
//   direct quotes   text between quotation marks: straight "..." and curly “...”
//                   (also «...», ``...''), single curly ‘...’ inside them (a quote
//                   inside a quote), partial quotes inside a sentence, quotes over
//                   several sentences, and over several paragraphs (a paragraph
//                   that opens a quote without closing it continues into the next
//                   paragraph when that one opens with a mark, as news writes it);
//   indirect speech a cue verb with a clausal complement ("Wang said that ...",
//                   "Kuleba told reporters the war ..."), a trailing "..., he said",
//                   and "according to X".
// The speaker comes from the dependency tree: the subject of the cue verb ("said
// Wang" too: the parse gives the subject whatever the order), the object of
// "according to", the owner of a statement ("X's statement said"); a quote with
// no cue of its own continues the attribution of the quote or statement just
// before it (the same or the previous paragraph). With coreference (mentions
// and chains filled), Quote::speaker_chain is the chain of the mention covering
// the speaker's head word, so "he said" resolves to a name.
// Cue verbs are lemmas listed in data/quotes/cue_verbs.txt.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/document.h"
#include "core/status.h"

namespace sitrep {

// kNoun: a noun that reports with a that-clause ("the mayor's claim that ...").
enum class CueKind : uint8_t { kSpeech, kBelief, kEvidence, kNoun };

struct Cue {
  CueKind kind = CueKind::kSpeech;
  bool to_clause = false;  // its to-infinitive reports too: "urged Congress to act", "vowed to fight"
};

// The cue verbs: lemma -> kind.
class CueLexicon {
 public:
  // Reads "lemma kind [to]" lines (# comments); errors name the file and line.
  static Result<CueLexicon> parse(std::string_view text, std::string_view name);
  static Result<CueLexicon> load(const std::string& path);
  // $SITREP_DATA/quotes/cue_verbs.txt, else data/quotes/cue_verbs.txt in the
  // source tree or next to the executable.
  static Result<CueLexicon> load_default();
  // The default lexicon, loaded once (thread-safe); nullptr when it cannot be read.
  static const CueLexicon* shared();

  const Cue* find(std::string_view lemma) const;       // a verb
  const Cue* find_noun(std::string_view lemma) const;  // a noun (kind kNoun)
  size_t size() const { return kinds_.size() + nouns_.size(); }

 private:
  // Transparent hashing: look-ups by string_view build no string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Cue, Hash, std::equal_to<>> kinds_, nouns_;
};

// Fills doc.quotes (sorted by start). Needs tagged and parsed sentences.
void find_quotes(Document& doc, const CueLexicon& cues);
// The same with the default lexicon (CueLexicon::shared()); no quotes when it is missing.
void find_quotes(Document& doc);

}  // namespace sitrep
