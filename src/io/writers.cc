#include "io/writers.h"

#include <charconv>

#include <fmt/format.h>

#include "core/tagset.h"

namespace sitrep::io {
namespace {

// Counts Unicode characters from byte `from` to byte `to` of valid UTF-8.
uint32_t count_chars(std::string_view text, uint32_t from, uint32_t to) {
  uint32_t n = 0;
  for (uint32_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// Decimal digits of `v`, without going through a format string (hot path).
void append_uint(std::string& out, uint64_t v) {
  char digits[20];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
  out.append(digits, end);
}

// CoNLL-U fields may hold no tab or newline; sentence text is one line.
void append_one_line(std::string& out, std::string_view s) {
  size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i)
    if (out[i] == '\n' || out[i] == '\r' || out[i] == '\t') out[i] = ' ';
}

// The CoNLL-U columns LEMMA..DEPS of word `w` (without the tabs around them);
// what the pipeline has not filled is `_`.
void append_conllu_analysis(std::string& out, const Document& doc, uint32_t w) {
  const Word& word = doc.words[w];
  auto field = [&](std::string_view v) {
    append_one_line(out, v.empty() ? std::string_view("_") : v);
    out += '\t';
  };
  field(doc.pooled(word.lemma));
  field(kUpos[word.upos < kUposCount ? word.upos : 0]);
  field(kXpos[word.xpos < kXposCount ? word.xpos : 0]);
  field(doc.pooled(word.feats));
  if (word.deprel != 0) {
    append_uint(out, word.head);
    out += '\t';
  } else {
    out += "_\t";
  }
  field(kDeprel[word.deprel < kDeprelCount ? word.deprel : 0]);
  out += "_\t";  // DEPS
}

// JSON members for what the pipeline learned about word `w` (leading comma each).
void append_json_analysis(std::string& out, const Document& doc, uint32_t w) {
  const Word& word = doc.words[w];
  if (!word.lemma.empty()) {
    out += ",\"lemma\":";
    append_json_string(out, doc.pooled(word.lemma));
  }
  if (word.upos) fmt::format_to(std::back_inserter(out), ",\"upos\":\"{}\"", kUpos[word.upos]);
  if (word.xpos) {
    out += ",\"xpos\":";
    append_json_string(out, kXpos[word.xpos]);
  }
  if (!word.feats.empty()) {
    out += ",\"feats\":";
    append_json_string(out, doc.pooled(word.feats));
  }
  if (word.deprel)
    fmt::format_to(std::back_inserter(out), ",\"head\":{},\"deprel\":\"{}\"", word.head, kDeprel[word.deprel]);
}

}  // namespace

Result<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "conllu") return OutputFormat::kConllu;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return Status::Error(fmt::format("unknown output format '{}' (expected conllu or jsonl)", name));
}

void write_conllu(const Document& doc, std::ostream& out) {
  std::string buf;
  buf.reserve(doc.text.size() * 4 + 256);
  buf += "# newdoc id = ";
  append_one_line(buf, doc.id);
  buf += '\n';
  if (!doc.title.empty()) {
    buf += "# meta::title = ";
    append_one_line(buf, doc.title);
    buf += '\n';
  }
  if (doc.date.known()) fmt::format_to(std::back_inserter(buf), "# meta::date = {}\n", doc.date.iso());
  if (!doc.source.empty()) {
    buf += "# meta::source = ";
    append_one_line(buf, doc.source);
    buf += '\n';
  }
  uint32_t byte_pos = 0, char_pos = 0;  // running character count, so offsets cost O(text)
  auto chars_at = [&](uint32_t byte) {
    char_pos += count_chars(doc.text, byte_pos, byte);
    byte_pos = byte;
    return char_pos;
  };
  uint32_t last_block = UINT32_MAX;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.block != last_block) {
      buf += "# newpar\n";
      last_block = sent.block;
    }
    fmt::format_to(std::back_inserter(buf), "# sent_id = {}-{}\n# text = ", doc.id, s + 1);
    append_one_line(buf, doc.str(sent.span));
    buf += '\n';
    uint32_t word_id = 1;
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      const Token& tok = doc.tokens[t];
      uint32_t b = chars_at(tok.span.begin);
      uint32_t e = chars_at(tok.span.end);
      auto append_misc = [&] {
        if (!tok.space_after) buf += "SpaceAfter=No|";
        buf += "TokenRange=";
        append_uint(buf, b);
        buf += ':';
        append_uint(buf, e);
        buf += '\n';
      };
      if (tok.word_count > 1) {
        append_uint(buf, word_id);
        buf += '-';
        append_uint(buf, word_id + tok.word_count - 1);
        buf += '\t';
        append_one_line(buf, doc.str(tok.span));
        buf += "\t_\t_\t_\t_\t_\t_\t_\t";
        append_misc();
      }
      for (uint32_t w = tok.first_word; w < tok.first_word + tok.word_count; ++w, ++word_id) {
        append_uint(buf, word_id);
        buf += '\t';
        append_one_line(buf, doc.word_text(w));
        buf += '\t';
        append_conllu_analysis(buf, doc, w);
        if (tok.word_count > 1)
          buf += "_\n";
        else
          append_misc();
      }
    }
    buf += '\n';
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void write_jsonl(const Document& doc, std::ostream& out) {
  std::string buf;
  buf.reserve(doc.text.size() * 6 + 256);
  auto key = [&](std::string_view k) {
    append_json_string(buf, k);
    buf += ':';
  };
  auto field = [&](std::string_view k, std::string_view v) {
    key(k);
    append_json_string(buf, v);
    buf += ',';
  };
  buf += '{';
  field("id", doc.id);
  field("title", doc.title);
  field("date", doc.date.iso());
  field("source", doc.source);
  field("url", doc.url);
  field("path", doc.path);
  field("text", doc.text);
  key("blocks");
  buf += '[';
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    fmt::format_to(std::back_inserter(buf), "{}{{\"start\":{},\"end\":{},\"kind\":\"{}\"}}", i ? "," : "",
                   b.span.begin, b.span.end, block_kind_name(b.kind));
  }
  buf += "],";
  key("sentences");
  buf += '[';
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    fmt::format_to(std::back_inserter(buf), "{}{{\"start\":{},\"end\":{},\"block\":{},\"text\":", s ? "," : "",
                   sent.span.begin, sent.span.end, sent.block);
    append_json_string(buf, doc.str(sent.span));
    buf += ",\"tokens\":[";
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      const Token& tok = doc.tokens[t];
      buf += t == sent.first_token ? "{" : ",{";
      key("text");
      append_json_string(buf, doc.str(tok.span));
      buf += ",\"start\":";
      append_uint(buf, tok.span.begin);
      buf += ",\"end\":";
      append_uint(buf, tok.span.end);
      if (!tok.space_after) buf += ",\"space_after\":false";
      if (tok.word_count == 1) append_json_analysis(buf, doc, tok.first_word);
      if (tok.word_count > 1) {
        buf += ",\"words\":[";
        for (uint32_t w = tok.first_word; w < tok.first_word + tok.word_count; ++w) {
          buf += w == tok.first_word ? "{" : ",{";
          key("text");
          append_json_string(buf, doc.word_text(w));
          fmt::format_to(std::back_inserter(buf), ",\"start\":{},\"end\":{}", doc.words[w].span.begin,
                         doc.words[w].span.end);
          append_json_analysis(buf, doc, w);
          buf += '}';
        }
        buf += ']';
      }
      buf += '}';
    }
    buf += "]}";
  }
  buf += "]";
  if (!doc.warnings.empty()) {
    buf += ",\"warnings\":[";
    for (size_t i = 0; i < doc.warnings.size(); ++i) {
      if (i) buf += ',';
      append_json_string(buf, doc.warnings[i]);
    }
    buf += ']';
  }
  buf += "}\n";
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void write_document(const Document& doc, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kConllu)
    write_conllu(doc, out);
  else
    write_jsonl(doc, out);
}

}  // namespace sitrep::io
