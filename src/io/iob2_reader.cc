#include "io/iob2_reader.h"

#include "io/file.h"

namespace sitrep::io {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view comment_value(std::string_view line, std::string_view key) {
  line.remove_prefix(key.size());
  while (!line.empty() && (line.front() == ' ' || line.front() == '=')) line.remove_prefix(1);
  return line;
}

// SpaceAfter of each word of `s` from its `# text`, matched left to right.
void spaces_from_text(ConlluCorpus& c, const ConlluSentence& s) {
  std::string_view text = s.text;
  size_t at = 0;
  for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
    ConlluToken& tok = c.tokens[t];
    size_t found = text.find(tok.form, at);
    if (text.empty() || found == std::string_view::npos) return;  // leave the rest spaced
    at = found + tok.form.size();
    tok.space_after = at < text.size() ? text[at] == ' ' : true;
  }
}

void decode_spans(Iob2Corpus& out) {
  for (uint32_t s = 0; s < out.corpus.sentences.size(); ++s) {
    const ConlluSentence& sent = out.corpus.sentences[s];
    Iob2Span* open = nullptr;
    for (uint32_t w = sent.first_word; w < sent.first_word + sent.word_count; ++w) {
      std::string_view tag = out.tags[w];
      std::string_view type = tag.size() > 2 ? tag.substr(2) : std::string_view();
      bool inside = starts_with(tag, "I-") && open && open->type == type;
      if (inside) {
        ++open->word_count;
      } else if (starts_with(tag, "B-") || starts_with(tag, "I-")) {
        out.spans.push_back(Iob2Span{s, w, 1, std::string(type)});
        open = &out.spans.back();
      } else {
        open = nullptr;
      }
    }
  }
}

}  // namespace

Result<Iob2Corpus> parse_iob2(std::string_view bytes, std::string_view name) {
  Iob2Corpus out;
  ConlluCorpus& c = out.corpus;
  ConlluSentence cur;
  std::string doc_id;
  bool open = false;
  auto close = [&] {
    if (open && cur.word_count > 0) {
      spaces_from_text(c, cur);
      c.sentences.push_back(cur);
    }
    open = false;
  };
  auto start = [&] {
    if (open) return;
    cur = ConlluSentence{};
    cur.doc_id = doc_id;
    cur.first_token = static_cast<uint32_t>(c.tokens.size());
    cur.first_word = static_cast<uint32_t>(c.words.size());
    open = true;
  };
  size_t pos = 0, line_no = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    ++line_no;
    if (line.empty()) {
      close();
      continue;
    }
    if (line.front() == '#') {
      if (open && cur.word_count > 0) close();
      start();
      if (starts_with(line, "# newdoc id")) {
        doc_id = std::string(comment_value(line, "# newdoc id"));
        cur.doc_id = doc_id;
        cur.new_doc = true;
      } else if (starts_with(line, "# sent_id")) {
        cur.id = std::string(comment_value(line, "# sent_id"));
      } else if (starts_with(line, "# text")) {
        cur.text = std::string(comment_value(line, "# text"));
      }
      continue;
    }
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos)
      return Status::Error(std::string(name) + ":" + std::to_string(line_no) + ": expected index, form and tag columns");
    std::string_view tag = line.substr(t2 + 1);
    tag = tag.substr(0, tag.find('\t'));
    if (!(tag == "O" || ((starts_with(tag, "B-") || starts_with(tag, "I-")) && tag.size() > 2)))
      return Status::Error(std::string(name) + ":" + std::to_string(line_no) + ": bad tag '" + std::string(tag) + "'");
    start();
    ConlluWord w;
    w.form = std::string(line.substr(t1 + 1, t2 - t1 - 1));
    ConlluToken tok;
    tok.form = w.form;
    tok.first_word = static_cast<uint32_t>(c.words.size());
    c.tokens.push_back(std::move(tok));
    c.words.push_back(std::move(w));
    out.tags.emplace_back(tag);
    ++cur.token_count;
    ++cur.word_count;
  }
  close();
  decode_spans(out);
  return out;
}

Result<Iob2Corpus> read_iob2_file(const std::string& path) {
  std::string bytes;
  SITREP_RETURN_IF_ERROR(read_file_bytes(path, &bytes));
  return parse_iob2(bytes, path);
}

}  // namespace sitrep::io
