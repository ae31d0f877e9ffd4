// Writers: analysed Documents to CoNLL-U or JSONL.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::io {

enum class OutputFormat { kConllu, kJsonl };
Result<OutputFormat> parse_output_format(std::string_view name);

// CoNLL-U: `# newdoc id`, `# sent_id = ID-N`, `# text`, multi-word token ranges,
// and in MISC `TokenRange=B:E` (Unicode character offsets into the document
// text, as UDPipe writes them) and `SpaceAfter=No`. Columns the pipeline does
// not fill yet are `_`.
void write_conllu(const Document& doc, std::ostream& out);

// JSONL: one object per document on one line, with metadata, blocks and
// sentences; every `start`/`end` is a byte offset into `text`.
void write_jsonl(const Document& doc, std::ostream& out);

void write_document(const Document& doc, OutputFormat format, std::ostream& out);

// Appends `s` to `out` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view s);

}  // namespace sitrep::io
