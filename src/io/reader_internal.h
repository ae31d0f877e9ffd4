// The per-format readers behind read_bytes (io/readers.h). Each one fills a
// Document's text, metadata and any blocks it knows (header, title, captions);
// inputs.cc then classifies the rest of the blocks.
#pragma once

#include <string_view>
#include <vector>

#include "core/document.h"
#include "io/readers.h"

namespace sitrep::io {

// Plain text: doc.text is already normalised. Parses the leading header block
// (kHeader blocks, metadata) and a headline first line (kTitle block, doc.title).
void parse_text_header(Document& doc);

// Elements nested deeper than this are not parsed as HTML (see read_html).
inline constexpr int kMaxHtmlDepth = 512;

// HTML: extracts metadata and the main text from `html` (valid UTF-8) into doc;
// `caption_spans` receives the spans of figcaption paragraphs. False when the
// elements nest deeper than kMaxHtmlDepth: then doc.text is the page's text
// without its markup and no metadata (the caller warns).
bool read_html(std::string_view html, Document& doc, std::vector<Span>& caption_spans);

// Normalises `raw` into doc.text; reports repairs as "WHERE: N invalid UTF-8
// sequences replaced (first at byte B)" through `warn` and doc.warnings.
void set_normalized_text(Document& doc, std::string_view raw, std::string_view where, const WarningSink& warn);
// Reports `count` repaired sequences (none: nothing) as above; `byte_of` follows
// the byte offset (" of the line" for JSONL).
void report_repairs(Document& doc, uint32_t count, uint32_t first_byte, std::string_view where,
                    std::string_view byte_of, const WarningSink& warn);

// Classifies the blocks of a finished document: a first paragraph equal to the
// title becomes kTitle, spans inside `caption_spans` kCaption, the rest by
// text::classify_blocks.
void finish_document(Document& doc, const std::vector<Span>& caption_spans);

// JSONL: one Document per line of `bytes`, sent to `sink`; bad lines, and lines
// over `max_line_bytes` (0: no limit), to `warn`.
void read_jsonl(std::string_view name, std::string_view bytes, const DocumentSink& sink, const WarningSink& warn,
                uint64_t max_line_bytes);

// "NAME: skipped: a document of N bytes, over the limit of M (--max-document-bytes)".
std::string too_large_message(std::string_view name, uint64_t bytes, uint64_t limit);

// The file stem of a path ("dir/a.b.txt" -> "a.b"); "stdin" for "-".
std::string path_stem(std::string_view path);

}  // namespace sitrep::io
