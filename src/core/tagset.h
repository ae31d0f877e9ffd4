// The fixed label sets: Universal POS tags, Penn Treebank XPOS tags as used by
// UD English (EWT, GUM), and UD dependency relations with the English subtypes.
// Words store small integer ids into these tables; models store the same ids.
// DO NOT REORDER: ids are stored in model files. Append new labels at the end.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sitrep {

inline constexpr std::string_view kUpos[] = {
    "_",   "ADJ",  "ADP", "ADV",   "AUX",  "CCONJ", "DET",   "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

inline constexpr std::string_view kXpos[] = {
    "_",   "NN",  "IN",  "DT",  "NNP", "JJ",   "PRP", ".",    "RB",   "VB",  ",",   "NNS",   "CC",
    "VBD", "VBP", "VBZ", "CD",  "VBN", "VBG",  "TO",  "PRP$", "MD",   "UH",  ":",   "-RRB-", "WDT",
    "-LRB-", "WRB", "``", "''", "HYPH", "RP", "WP",  "POS",  "NNPS", "JJR", "JJS", "EX",    "RBR",
    "SYM", "FW",  "NFP", "$",   "PDT", "GW",  "ADD", "RBS",  "LS",   "AFX", "WP$", "XX",    "#"};

inline constexpr std::string_view kDeprel[] = {
    "_",          "punct",      "case",        "det",        "nsubj",       "root",       "advmod",
    "amod",       "obj",        "obl",         "conj",       "nmod",        "cc",         "compound",
    "mark",       "aux",        "cop",         "advcl",      "nmod:poss",   "xcomp",      "acl:relcl",
    "flat",       "ccomp",      "acl",         "parataxis",  "nummod",      "aux:pass",   "appos",
    "nsubj:pass", "discourse",  "obl:unmarked", "nmod:unmarked", "compound:prt", "expl",  "fixed",
    "iobj",       "list",       "obl:agent",   "dep",        "reparandum",  "csubj",      "nmod:desc",
    "nsubj:outer", "advcl:relcl", "det:predet", "vocative",  "goeswith",    "cc:preconj", "orphan",
    "dislocated", "csubj:pass", "csubj:outer", "obl:npmod", "obl:tmod",   "nmod:npmod", "nmod:tmod",
    "flat:foreign", "det:poss", "expl:pv",   "clf",        "compound:lvc", "flat:name"};

inline constexpr uint16_t kUposCount = std::size(kUpos);
inline constexpr uint16_t kXposCount = std::size(kXpos);
inline constexpr uint16_t kDeprelCount = std::size(kDeprel);

// Id of `label` in `table`, or 0 ("_") when absent.
inline uint16_t label_id(std::span<const std::string_view> table, std::string_view label) {
  for (uint16_t i = 1; i < table.size(); ++i)
    if (table[i] == label) return i;
  return 0;
}
inline uint16_t upos_id(std::string_view s) { return label_id(kUpos, s); }
inline uint16_t xpos_id(std::string_view s) { return label_id(kXpos, s); }
inline uint16_t deprel_id(std::string_view s) { return label_id(kDeprel, s); }

}  // namespace sitrep
