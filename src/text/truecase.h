// Truecasing of caseless text: lower-cased (scraped pages) or upper-cased
// (headlines, wires) documents get the capitals our models and dictionaries
// read, before tokenization. The case of ASCII letters changes and nothing else,
// so every byte offset stays valid and the original text can be put back.
//
//   "police arrested 40 protesters in minsk. the u.n. condemned it."
//   -> "Police arrested 40 protesters in Minsk. The U.N. condemned it."
//
// Names come from a list of phrases as written ("Minsk", "U.N.", "United Nations",
// "Joe Biden"; the actor dictionary's), matched longest first on lower-cased words;
// sentence starts, "I", days and months are capitalised by rule. Words common in
// English that are also names ("us", "who", "may", "march", "will") keep their case.
// With the tagger's capitalisation counts, words running text always capitalises and the
// unseen words of a name after a title ("president boris tadic") are capitalised too.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace sitrep::text {

enum class TextCase : uint8_t { kMixed = 0, kLower = 1, kUpper = 2 };

// kLower when (almost) no ASCII letter is upper case, kUpper when (almost) none is
// lower case; kMixed otherwise. A text of fewer than 40 letters is kLower or kUpper
// only when it has no letter of the other case and at least 12 letters.
TextCase text_case(std::string_view text);

// How running text writes a lower-cased word in mid-sentence (the tagger's training text):
// 0 unseen, 1 never capitalised, 2 rarely, 3 either way, 4 mostly, 5 always.
using Capitalisation = std::function<uint8_t(std::string_view lower)>;

class Truecaser {
 public:
  // `names`: phrases as written; a phrase of one word that is a common English word is left out.
  explicit Truecaser(const std::vector<std::string>& names);
  // The text with capitals restored (lower-cased first when it is upper case); same length.
  // With `capitalisation`, words always capitalised in running text ("european") are, and
  // so are the unseen words of a name after a title ("president boris tadic": "Boris Tadic").
  std::string restore(std::string_view text, TextCase from, const Capitalisation& capitalisation = {}) const;
  // In a tokenized document of mixed case, the all-caps words that open its datelines
  // ("KABUL (Reuters) -", "NEW DELHI, Dec. 5 -": Sentence::dateline) get their capitals
  // restored ("Kabul", "New Delhi") so the place is found; the text as read is kept in
  // doc.original_text when anything changes. Returns whether anything did.
  bool restore_datelines(Document& doc, const Capitalisation& capitalisation = {}) const;

 private:
  // Lower-cased phrase (words joined by one space) -> index into cased_.
  std::unordered_map<std::string, uint32_t> phrases_;
  std::vector<std::string> cased_;
  size_t max_words_ = 1;
};

}  // namespace sitrep::text
