// Readers: files, directories and standard input to Documents.
//
// A reader fills a Document's metadata, its text (UTF-8 repaired and NFC
// normalised, text/normalize.h) and its classified blocks (text/blocks.h):
// everything the tokenizer needs. Formats: plain text (with an optional header
// block and headline), HTML (gumbo), JSONL (one article per line) and CoNLL-U.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace sitrep::io {

enum class InputFormat { kAuto, kText, kHtml, kJsonl, kConllu };

// "auto", "text"/"txt", "html", "jsonl", "conllu" -> format; an unknown name is an error.
Result<InputFormat> parse_input_format(std::string_view name);
// By extension: .html/.htm, .jsonl/.ndjson, .conllu; anything else is text.
InputFormat format_for_path(std::string_view path);

// Larger documents are skipped with a warning ("PATH: skipped: a document of N
// bytes, over the limit of M (--max-document-bytes)"): one article is rarely
// over 1 MiB, and an endless or runaway input must not take the machine.
inline constexpr uint64_t kDefaultMaxDocumentBytes = 4u << 20;

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;  // 0: no limit (beyond 4 GiB)
};

// Receives each document as soon as it is read, in input order.
using DocumentSink = std::function<void(Document&&)>;
// Receives one line per recoverable problem ("file.jsonl:17: not valid JSON: ...").
using WarningSink = std::function<void(const std::string&)>;

// Reads one in-memory input. `name` is the path (or "-") used for ids and messages.
// Recoverable problems (a bad JSONL line, a document over the size limit) go to
// `warn`, and the rest is read.
Status read_bytes(std::string_view name, std::string_view bytes, InputFormat format,
                  const DocumentSink& sink, const WarningSink& warn,
                  uint64_t max_document_bytes = kDefaultMaxDocumentBytes);

// Reads every path in order: files, directories (recursively, sorted by name),
// "-" for standard input; hidden files and directories inside a directory are
// skipped. A missing path, unreadable file or unreadable directory does not stop
// the others: the first such error is returned at the end ("PATH: no such file
// or directory"), later ones go to `warn`. A file that is not text (a NUL byte
// or many invalid UTF-8 sequences in its first 4 KiB) is skipped with a warning
// "PATH: skipped: not a text file (...)"; so is one over 4 GiB, and a document
// over options.max_document_bytes (for JSONL, a line over it). A path that is
// not a regular file or directory (a device, a named pipe, a socket) is skipped
// with "PATH: skipped: not a regular file (give - to read a stream)": only "-"
// reads a stream, and standard input stops at the size limit. Files are read
// one at a time.
//
// Each document gets doc.path, doc.id (file stem, or the JSONL id), normalised
// text, metadata and classified blocks. Repaired UTF-8 is reported as
// "PATH: N invalid UTF-8 sequences replaced (first at byte B)" ("PATH:LINE: ..."
// for JSONL, B counted in the text field) through `warn`; the same line is kept
// in doc.warnings for outputs that carry it (print one or the other).
// Format kConllu returns an error for now.
Status read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                   const DocumentSink& sink, const WarningSink& warn);

}  // namespace sitrep::io
