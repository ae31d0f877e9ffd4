#include "io/conllu_reader.h"
#include "io/file.h"

#include <algorithm>

#include <charconv>
#include <fstream>
#include <sstream>

namespace sitrep::io {
namespace {

std::string_view trim_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Value of "# key = value" or "# key value" comments, or false when the key differs.
bool comment_value(std::string_view line, std::string_view key, std::string_view* value) {
  if (!starts_with(line, "# ")) return false;
  std::string_view rest = line.substr(2);
  if (!starts_with(rest, key)) return false;
  rest.remove_prefix(key.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '=') return false;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  *value = rest;
  return true;
}

bool parse_uint(std::string_view s, uint32_t* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool misc_has_space_after_no(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

}  // namespace

Result<ConlluCorpus> parse_conllu(std::string_view bytes, std::string_view name) {
  ConlluCorpus corpus;
  ConlluSentence cur;
  bool in_sentence = false;
  std::string doc_id;
  uint32_t mwt_end = 0;      // last word id covered by the open multi-word token
  uint32_t expected_id = 1;  // next word id in the sentence
  size_t line_no = 0;
  auto error = [&](std::string_view what) {
    return Status::Error(std::string(name) + ":" + std::to_string(line_no) + ": " + std::string(what));
  };
  auto close_sentence = [&]() {
    if (!in_sentence) return;
    cur.token_count = static_cast<uint32_t>(corpus.tokens.size()) - cur.first_token;
    cur.word_count = static_cast<uint32_t>(corpus.words.size()) - cur.first_word;
    if (cur.token_count > 0) corpus.sentences.push_back(std::move(cur));
    cur = ConlluSentence();
    in_sentence = false;
    mwt_end = 0;
    expected_id = 1;
  };
  auto open_sentence = [&]() {
    if (in_sentence) return;
    in_sentence = true;
    cur.first_token = static_cast<uint32_t>(corpus.tokens.size());
    cur.first_word = static_cast<uint32_t>(corpus.words.size());
    cur.doc_id = doc_id;
  };

  size_t pos = 0;
  std::string_view cols[10];
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = trim_cr(bytes.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) {
      close_sentence();
      continue;
    }
    if (line.front() == '#') {
      // Comments belong to the next sentence; one after token lines starts a new one.
      if (in_sentence && corpus.tokens.size() > cur.first_token) close_sentence();
      open_sentence();
      std::string_view v;
      if (comment_value(line, "newdoc", &v)) {
        cur.new_doc = true;
        std::string_view id;
        doc_id = comment_value(line, "newdoc id", &id) ? std::string(id) : std::string();
        cur.doc_id = doc_id;
      } else if (comment_value(line, "newpar", &v)) {
        cur.new_par = true;
        corpus.has_newpar = true;
      } else if (comment_value(line, "sent_id", &v)) {
        cur.id = std::string(v);
      } else if (comment_value(line, "text", &v)) {
        cur.text = std::string(v);
      }
      continue;
    }
    open_sentence();
    size_t n = 0, start = 0;
    while (n < 10) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        cols[n++] = line.substr(start);
        break;
      }
      cols[n++] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (n != 10) return error("expected 10 tab-separated columns");
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      uint32_t a, b;
      if (!parse_uint(id.substr(0, dash), &a) || !parse_uint(id.substr(dash + 1), &b) || b < a ||
          a != expected_id)
        return error("bad multi-word token range '" + std::string(id) + "'");
      ConlluToken t;
      t.form = std::string(cols[1]);
      t.first_word = static_cast<uint32_t>(corpus.words.size());
      t.word_count = b - a + 1;
      t.space_after = !misc_has_space_after_no(cols[9]);
      corpus.tokens.push_back(std::move(t));
      mwt_end = b;
      continue;
    }
    uint32_t wid;
    if (!parse_uint(id, &wid) || wid != expected_id) return error("bad word id '" + std::string(id) + "'");
    ++expected_id;
    ConlluWord w;
    w.form = std::string(cols[1]);
    w.lemma = std::string(cols[2]);
    w.upos = std::string(cols[3]);
    w.xpos = std::string(cols[4]);
    w.feats = std::string(cols[5]);
    uint32_t head = 0;
    w.head = parse_uint(cols[6], &head) ? static_cast<int>(head) : -1;
    w.deprel = std::string(cols[7]);
    w.deps = std::string(cols[8]);
    w.misc = std::string(cols[9]);
    if (wid > mwt_end) {  // a word that is its own token
      ConlluToken t;
      t.form = w.form;
      t.first_word = static_cast<uint32_t>(corpus.words.size());
      t.word_count = 1;
      t.space_after = !misc_has_space_after_no(cols[9]);
      corpus.tokens.push_back(std::move(t));
    }
    corpus.words.push_back(std::move(w));
  }
  close_sentence();
  return corpus;
}

Result<ConlluCorpus> read_conllu_file(const std::string& path) {
  std::string bytes;
  SITREP_RETURN_IF_ERROR(read_file_bytes(path, &bytes));
  return parse_conllu(bytes, path);
}

}  // namespace sitrep::io

namespace sitrep::io {

std::vector<Document> conllu_documents(const ConlluCorpus& corpus, std::string_view default_id) {
  std::vector<Document> docs;
  Document* doc = nullptr;
  uint32_t block_begin = 0;
  auto close_block = [&] {
    if (doc && doc->text.size() > block_begin)
      doc->blocks.push_back(Block{Span{block_begin, static_cast<uint32_t>(doc->text.size())}, BlockKind::kNews});
  };
  for (const ConlluSentence& cs : corpus.sentences) {
    if (!doc || cs.new_doc) {
      close_block();
      docs.emplace_back();
      doc = &docs.back();
      doc->id = cs.new_doc && !cs.doc_id.empty() ? cs.doc_id : std::string(default_id);
      block_begin = 0;
    } else if (cs.new_par) {
      close_block();
      doc->text += "\n\n";
      block_begin = static_cast<uint32_t>(doc->text.size());
    } else {
      doc->text += ' ';
    }
    Sentence sent;
    sent.block = static_cast<uint32_t>(doc->blocks.size());
    sent.first_token = static_cast<uint32_t>(doc->tokens.size());
    sent.first_word = static_cast<uint32_t>(doc->words.size());
    sent.span.begin = static_cast<uint32_t>(doc->text.size());
    for (uint32_t t = cs.first_token; t < cs.first_token + cs.token_count; ++t) {
      const ConlluToken& ct = corpus.tokens[t];
      if (ct.form.empty()) continue;
      Token tok;
      tok.span.begin = static_cast<uint32_t>(doc->text.size());
      doc->text += ct.form;
      tok.span.end = static_cast<uint32_t>(doc->text.size());
      tok.space_after = ct.space_after;
      tok.first_word = static_cast<uint32_t>(doc->words.size());
      tok.word_count = static_cast<uint16_t>(ct.word_count);
      uint32_t at = tok.span.begin;  // where the next word's form is looked for
      for (uint32_t k = 0; k < ct.word_count; ++k) {
        std::string_view form = corpus.words[ct.first_word + k].form;
        std::string_view rest = std::string_view(doc->text).substr(at, tok.span.end - at);
        Word w;
        w.token = static_cast<uint32_t>(doc->tokens.size());
        size_t found = form.empty() ? std::string_view::npos : rest.find(form);
        bool last = k + 1 == ct.word_count;
        if (found != std::string_view::npos && !last) {
          w.span = Span{at + static_cast<uint32_t>(found), at + static_cast<uint32_t>(found + form.size())};
        } else if (found != std::string_view::npos && found + form.size() == rest.size()) {
          w.span = Span{at + static_cast<uint32_t>(found), tok.span.end};
        } else {  // not a substring (or nothing left): the rest of the token, at least one byte
          uint32_t b = std::min(at, tok.span.end - 1);
          w.span = Span{b, last ? tok.span.end : b + 1};
        }
        at = std::min(w.span.end, tok.span.end);
        doc->words.push_back(w);
      }
      doc->tokens.push_back(tok);
      if (ct.space_after && t + 1 < cs.first_token + cs.token_count) doc->text += ' ';
    }
    while (!doc->text.empty() && doc->text.back() == ' ' && doc->text.size() > sent.span.begin) doc->text.pop_back();
    sent.span.end = static_cast<uint32_t>(doc->text.size());
    sent.token_count = static_cast<uint32_t>(doc->tokens.size()) - sent.first_token;
    sent.word_count = static_cast<uint32_t>(doc->words.size()) - sent.first_word;
    if (sent.token_count) doc->sentences.push_back(sent);
  }
  close_block();
  return docs;
}

}  // namespace sitrep::io
