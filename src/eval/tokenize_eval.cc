#include "eval/tokenize_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace sitrep::eval {
namespace {

struct CharSpan {
  uint32_t begin = 0, end = 0;
  friend bool operator==(const CharSpan&, const CharSpan&) = default;
};

struct EvalWord {
  CharSpan span;         // the span of its token
  bool multiword = false;
  std::string_view form;
};

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends the characters of `s` (code points, white space skipped) to `chars`.
void append_chars(std::string_view s, std::string* chars) {
  for (unsigned char c : s)
    if (!is_space_byte(c)) chars->push_back(static_cast<char>(c));
}

// Number of code points of `s` that are not white space.
uint32_t char_count(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if (!is_space_byte(c) && (c & 0xC0) != 0x80) ++n;
  return n;
}

Score span_score(const std::vector<CharSpan>& gold, const std::vector<CharSpan>& system) {
  Score s;
  s.gold = gold.size();
  s.system = system.size();
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (gold[gi].begin < system[si].begin) {
      ++gi;
    } else if (system[si].begin < gold[gi].begin) {
      ++si;
    } else {
      s.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return s;
}

bool same_form(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

bool beyond_end(const std::vector<EvalWord>& w, size_t i, uint32_t end) {
  if (i >= w.size()) return true;
  if (w[i].multiword) return w[i].span.begin >= end;
  return w[i].span.end > end;
}

uint32_t extend_end(const EvalWord& w, uint32_t end) { return w.multiword && w.span.end > end ? w.span.end : end; }

// conll18_ud_eval.py align_words: the number of aligned words.
uint64_t align_words(const std::vector<EvalWord>& gold, const std::vector<EvalWord>& sys) {
  uint64_t aligned = 0;
  size_t gi = 0, si = 0;
  std::vector<uint32_t> lcs;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi].multiword || sys[si].multiword) {
      uint32_t end;
      if (gold[gi].multiword) {
        end = gold[gi].span.end;
        if (!sys[si].multiword && sys[si].span.begin < gold[gi].span.begin) ++si;
      } else {
        end = sys[si].span.end;
        if (!gold[gi].multiword && gold[gi].span.begin < sys[si].span.begin) ++gi;
      }
      size_t gs = gi, ss = si;
      while (!beyond_end(gold, gi, end) || !beyond_end(sys, si, end)) {
        if (gi < gold.size() && (si >= sys.size() || gold[gi].span.begin <= sys[si].span.begin)) {
          end = extend_end(gold[gi], end);
          ++gi;
        } else {
          end = extend_end(sys[si], end);
          ++si;
        }
      }
      size_t ng = gi - gs, ns = si - ss;
      if (ng == 0 || ns == 0) continue;
      // lcs[g][s] over suffixes, (ng+1) x (ns+1) with a zero border.
      lcs.assign((ng + 1) * (ns + 1), 0);
      auto at = [&](size_t g, size_t s) -> uint32_t& { return lcs[g * (ns + 1) + s]; };
      for (size_t g = ng; g-- > 0;)
        for (size_t s = ns; s-- > 0;) {
          uint32_t v = same_form(gold[gs + g].form, sys[ss + s].form) ? 1 + at(g + 1, s + 1) : 0;
          at(g, s) = std::max({v, at(g + 1, s), at(g, s + 1)});
        }
      size_t g = 0, s = 0;
      while (g < ng && s < ns) {
        if (same_form(gold[gs + g].form, sys[ss + s].form)) {
          ++aligned;
          ++g;
          ++s;
        } else if (at(g, s) == at(g + 1, s)) {
          ++g;
        } else {
          ++s;
        }
      }
    } else if (gold[gi].span == sys[si].span) {
      ++aligned;
      ++gi;
      ++si;
    } else if (gold[gi].span.begin <= sys[si].span.begin) {
      ++gi;
    } else {
      ++si;
    }
  }
  return aligned;
}

struct Side {
  std::vector<CharSpan> tokens, sentences, multiword_tokens;
  std::vector<std::string> multiword_keys;  // the lowercased word forms joined, per multiword token
  std::vector<EvalWord> words;
  std::string chars;
};

std::string lower_key(std::string_view s) {
  std::string k(s);
  for (char& c : k)
    if (c >= 'A' && c <= 'Z') c += 32;
  return k;
}

}  // namespace

Document gold_document(const io::ConlluCorpus& gold, std::vector<Span>* sentence_spans) {
  Document doc;
  doc.id = "gold";
  bool open = false;  // a paragraph is being written
  uint32_t par_begin = 0;
  auto close = [&]() {
    if (!open) return;
    doc.blocks.push_back({{par_begin, static_cast<uint32_t>(doc.text.size())}, BlockKind::kNews});
    open = false;
  };
  for (const auto& s : gold.sentences) {
    bool starts_par = s.new_doc || (gold.has_newpar && s.new_par);
    if (starts_par) close();
    if (!open) {
      if (!doc.text.empty()) doc.text += "\n\n";
      par_begin = static_cast<uint32_t>(doc.text.size());
      open = true;
    } else {
      doc.text += ' ';
    }
    uint32_t begin = static_cast<uint32_t>(doc.text.size());
    if (!s.text.empty()) {
      doc.text += s.text;
    } else {  // no # text: the token forms, spaced as SpaceAfter says
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        doc.text += gold.tokens[t].form;
        if (gold.tokens[t].space_after && t + 1 < s.first_token + s.token_count) doc.text += ' ';
      }
    }
    if (sentence_spans) sentence_spans->push_back({begin, static_cast<uint32_t>(doc.text.size())});
  }
  close();
  return doc;
}

Result<TokenizeScores> score_tokenization(const io::ConlluCorpus& gold, const Document& system) {
  Side g, s;
  // Gold: offsets in characters of the concatenated forms.
  uint32_t pos = 0;
  for (const auto& sent : gold.sentences) {
    uint32_t sbegin = pos;
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      const auto& tok = gold.tokens[t];
      CharSpan span{pos, pos + char_count(tok.form)};
      pos = span.end;
      append_chars(tok.form, &g.chars);
      g.tokens.push_back(span);
      std::string key;
      for (uint32_t w = tok.first_word; w < tok.first_word + tok.word_count; ++w) {
        g.words.push_back({span, tok.word_count > 1, gold.words[w].form});
        if (tok.word_count > 1) key += lower_key(gold.words[w].form) + ' ';
      }
      if (tok.word_count > 1) {
        g.multiword_tokens.push_back(span);
        g.multiword_keys.push_back(std::move(key));
      }
    }
    g.sentences.push_back({sbegin, pos});
  }
  // System: offsets in characters of doc.text, white space skipped.
  std::vector<uint32_t> tok_begin(system.tokens.size()), tok_end(system.tokens.size());
  {
    uint32_t chars = 0;
    size_t byte = 0;
    const std::string& text = system.text;
    for (size_t t = 0; t < system.tokens.size(); ++t) {
      const Token& tok = system.tokens[t];
      if (tok.span.begin < byte || tok.span.end > text.size())
        return Status::Error("system tokens overlap, are out of order or outside the text");
      tok_begin[t] = chars;  // offsets count the characters of the tokens only, as for gold
      std::string_view form = system.token_text(static_cast<uint32_t>(t));
      chars += char_count(form);
      tok_end[t] = chars;
      byte = tok.span.end;
      append_chars(form, &s.chars);
    }
  }
  if (g.chars != s.chars) {
    size_t i = 0;
    while (i < g.chars.size() && i < s.chars.size() && g.chars[i] == s.chars[i]) ++i;
    return Status::Error(fmt::format(
        "the text of the system tokens differs from the gold text at byte {} (without white space): gold '{}', system '{}'",
        i, g.chars.substr(i, 20), s.chars.substr(i, 20)));
  }
  for (size_t t = 0; t < system.tokens.size(); ++t) {
    const Token& tok = system.tokens[t];
    CharSpan span{tok_begin[t], tok_end[t]};
    s.tokens.push_back(span);
    std::string key;
    for (uint32_t w = tok.first_word; w < tok.first_word + tok.word_count; ++w) {
      s.words.push_back({span, tok.word_count > 1, system.word_text(w)});
      if (tok.word_count > 1) key += lower_key(system.word_text(w)) + ' ';
    }
    if (tok.word_count > 1) {
      s.multiword_tokens.push_back(span);
      s.multiword_keys.push_back(std::move(key));
    }
  }
  for (const Sentence& sent : system.sentences) {
    if (sent.token_count == 0) continue;
    s.sentences.push_back({tok_begin[sent.first_token], tok_end[sent.first_token + sent.token_count - 1]});
  }

  TokenizeScores out;
  out.tokens = span_score(g.tokens, s.tokens);
  out.sentences = span_score(g.sentences, s.sentences);
  out.words.gold = g.words.size();
  out.words.system = s.words.size();
  out.words.correct = align_words(g.words, s.words);
  // Multi-word tokens: same span and the same words.
  out.multiwords.gold = g.multiword_tokens.size();
  out.multiwords.system = s.multiword_tokens.size();
  for (size_t gi = 0, si = 0; gi < g.multiword_tokens.size() && si < s.multiword_tokens.size();) {
    if (g.multiword_tokens[gi].begin < s.multiword_tokens[si].begin) {
      ++gi;
    } else if (s.multiword_tokens[si].begin < g.multiword_tokens[gi].begin) {
      ++si;
    } else {
      out.multiwords.correct +=
          g.multiword_tokens[gi] == s.multiword_tokens[si] && g.multiword_keys[gi] == s.multiword_keys[si];
      ++gi;
      ++si;
    }
  }
  return out;
}

Result<TokenizeScores> evaluate_tokenizer(const io::ConlluCorpus& gold, const text::Tokenizer& tokenizer) {
  Document doc = gold_document(gold);
  tokenizer.process(doc);
  return score_tokenization(gold, doc);
}

std::string scores_json(const TokenizeScores& s) {
  nlohmann::ordered_json j;
  auto put = [&](const char* name, const Score& sc) {
    auto r2 = [](double v) { return std::round(v * 100.0) / 100.0; };
    j[std::string(name) + "_precision"] = r2(sc.precision());
    j[std::string(name) + "_recall"] = r2(sc.recall());
    j[std::string(name) + "_f1"] = r2(sc.f1());
    j[std::string(name) + "_gold"] = sc.gold;
    j[std::string(name) + "_system"] = sc.system;
    j[std::string(name) + "_correct"] = sc.correct;
  };
  put("tokens", s.tokens);
  put("words", s.words);
  put("multiwords", s.multiwords);
  put("sentences", s.sentences);
  return j.dump();
}

std::string scores_table(const TokenizeScores& s) {
  std::string out = fmt::format("{:<11} {:>9} {:>9} {:>9} {:>8} {:>8} {:>8}\n", "Metric", "Precision", "Recall",
                                "F1", "Gold", "System", "Correct");
  auto row = [&](const char* name, const Score& sc) {
    out += fmt::format("{:<11} {:>9.2f} {:>9.2f} {:>9.2f} {:>8} {:>8} {:>8}\n", name, sc.precision(), sc.recall(),
                       sc.f1(), sc.gold, sc.system, sc.correct);
  };
  row("Tokens", s.tokens);
  row("Words", s.words);
  row("Multiwords", s.multiwords);
  row("Sentences", s.sentences);
  return out;
}

}  // namespace sitrep::eval
