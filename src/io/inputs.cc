// read_bytes and read_inputs: formats, paths, directories, binary files, and
// the steps every document goes through (normalise, read, classify).
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "io/conllu_reader.h"
#include "io/file.h"
#include "io/reader_internal.h"
#include "text/blocks.h"
#include "text/normalize.h"
#include "text/text_util.h"

namespace sitrep::io {
namespace fs = std::filesystem;

namespace {

constexpr size_t kSniffBytes = 4096;
constexpr size_t kMaxInputBytes = UINT32_MAX;

// Not text: a NUL byte in the first 4 KiB, or more than one invalid UTF-8
// sequence per 10 bytes there (UTF-16, images, archives, executables).
bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find('\0') != std::string_view::npos) return true;
  text::NormalizeReport rep;
  text::normalize(head, &rep);
  return rep.invalid_sequences * 10 > head.size();
}

// For standard input in auto mode: markup is HTML, a leading '{' is JSONL.
InputFormat sniff_format(std::string_view bytes) {
  std::string_view t = text::trim(bytes.substr(0, kSniffBytes));
  if (t.starts_with("<")) return InputFormat::kHtml;
  if (t.starts_with("{")) return InputFormat::kJsonl;
  return InputFormat::kText;
}

bool lower_ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && text::ascii_lower(s.substr(s.size() - suffix.size())) == suffix;
}

Document new_document(std::string_view name) {
  Document doc;
  doc.path = std::string(name);
  doc.id = path_stem(name);
  return doc;
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

Status directory_error(const fs::path& dir, const std::error_code& ec) {  // "DIR: cannot read directory: ..."
  return Status::IOError(fmt::format("{}: cannot read directory: {}", text::normalize(dir.string()), ec.message()));
}

// Adds the regular files under `dir` to `files`, recursively, skipping hidden
// files and directories and not following links to directories. A directory
// that cannot be read gives an error naming
// it (the first one is kept in *status) and the others are still listed.
void collect_files(const fs::path& dir, std::vector<fs::path>& files, Status* status) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code entry_ec;
    if (is_hidden(p)) continue;
    bool real_directory = !it->is_symlink(entry_ec) && it->is_directory(entry_ec);  // no symlink loops
    if (real_directory) collect_files(p, files, status);
    else if (it->is_regular_file(entry_ec)) files.push_back(p);
  }
  if (ec && status->ok()) *status = directory_error(dir, ec);
}

// Regular files under `dir`, sorted by path. Only paths are held, never contents.
Status list_directory(const fs::path& dir, std::vector<fs::path>& files) {
  Status status;
  collect_files(dir, files, &status);
  std::sort(files.begin(), files.end());
  return status;
}


// Standard input, read in chunks: a binary start or a document over the limit
// stops the read there (`cat /dev/zero | sitrep events -` ends at once).
void read_stdin(const ReadOptions& options, const DocumentSink& sink, const WarningSink& warn, Status& result) {
  std::string bytes;
  char buf[1 << 16];
  InputFormat format = options.format;
  bool checked = false;
  while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
    if (!checked && (bytes.size() >= kSniffBytes || !std::cin)) {
      checked = true;
      if (looks_binary(bytes)) {
        warn("-: skipped: not a text file (binary data, or text in an encoding other than UTF-8)");
        return;
      }
      if (format == InputFormat::kAuto) format = sniff_format(bytes);
    }
    uint64_t limit = format == InputFormat::kJsonl || options.max_document_bytes == 0 ? kMaxInputBytes
                                                                                      : options.max_document_bytes;
    if (bytes.size() > limit) {
      warn(format == InputFormat::kJsonl ? std::string("-: skipped: larger than 4 GiB")
                                         : too_large_message("-", bytes.size(), limit) + " (read no further)");
      return;
    }
  }
  result = read_bytes("-", bytes, format, sink, warn, options.max_document_bytes);
}

void read_one_path(const std::string& path, const ReadOptions& options, const DocumentSink& sink,
                   const WarningSink& warn, Status& first_error) {
  // The first error is returned at the end; later ones go to `warn`.
  auto record = [&](Status st) {
    if (st.ok()) return;
    if (first_error.ok()) first_error = st;
    else warn(st.message());
  };
  auto read_path = [&](const std::string& raw_name, uintmax_t size) {
    // Outputs, messages and the store name a file by valid UTF-8: bytes of a file
    // name that are not are shown as U+FFFD; the file is opened by its own bytes.
    std::string file = text::normalize(raw_name);
    InputFormat format = options.format == InputFormat::kAuto ? format_for_path(file) : options.format;
    uint64_t limit = options.max_document_bytes;
    if (format != InputFormat::kJsonl && format != InputFormat::kConllu && limit && size > limit)
      return warn(too_large_message(file, size, limit));  // not even read
    std::string bytes;
    Status read = read_file_bytes(raw_name, &bytes);
    if (!read.ok()) return record(read);
    record(read_bytes(file, bytes, options.format, sink, warn, limit));
  };
  if (path == "-") {
    Status st;
    read_stdin(options, sink, warn, st);
    return record(st);
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  std::string shown = text::normalize(path);
  if (ec || !fs::exists(st)) return record(Status::NotFound(fmt::format("{}: no such file or directory", shown)));
  if (fs::is_regular_file(st)) return read_path(path, fs::file_size(path, ec));
  if (!fs::is_directory(st))  // a device, named pipe or socket: may never end, or block
    return warn(fmt::format("{}: skipped: not a regular file (give - to read a stream)", shown));
  std::vector<fs::path> files;
  record(list_directory(path, files));
  for (const fs::path& f : files) read_path(f.string(), fs::file_size(f, ec));
}

}  // namespace

std::string path_stem(std::string_view path) {
  if (path == "-") return "stdin";
  return fs::path(std::string(path)).stem().string();
}

Result<InputFormat> parse_input_format(std::string_view name) {
  std::string n = text::ascii_lower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "conllu") return InputFormat::kConllu;
  return Status::Error(fmt::format("unknown input format '{}' (expected auto, text, html, jsonl or conllu)", name));
}

InputFormat format_for_path(std::string_view path) {
  if (lower_ends_with(path, ".html") || lower_ends_with(path, ".htm")) return InputFormat::kHtml;
  if (lower_ends_with(path, ".jsonl") || lower_ends_with(path, ".ndjson")) return InputFormat::kJsonl;
  if (lower_ends_with(path, ".conllu")) return InputFormat::kConllu;
  return InputFormat::kText;
}

void report_repairs(Document& doc, uint32_t count, uint32_t first_byte, std::string_view where,
                    std::string_view byte_of, const WarningSink& warn) {
  if (count == 0) return;
  std::string msg = fmt::format("{}: {} invalid UTF-8 sequence{} replaced (first at byte {}{})", where, count,
                                count == 1 ? "" : "s", first_byte, byte_of);
  doc.warnings.push_back(msg);
  warn(msg);
}

void set_normalized_text(Document& doc, std::string_view raw, std::string_view where, const WarningSink& warn) {
  text::NormalizeReport rep;
  doc.text = text::normalize(raw, &rep);
  report_repairs(doc, rep.invalid_sequences, rep.first_invalid_byte, where, "", warn);
}

void finish_document(Document& doc, const std::vector<Span>& caption_spans) {
  if (doc.blocks.empty() && !doc.title.empty()) {
    // A body that opens with its own title: that paragraph is the headline.
    std::string_view text(doc.text);
    size_t start = std::min(text.find_first_not_of(" \t\n"), text.size());
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view first = text::trim(text.substr(start, end - start));
    if (!first.empty() && text::ascii_lower(first) == text::ascii_lower(text::trim(doc.title))) {
      auto b = static_cast<uint32_t>(first.data() - text.data());
      doc.blocks.push_back({Span{b, b + static_cast<uint32_t>(first.size())}, BlockKind::kTitle});
    }
  }
  text::classify_blocks(doc);
  for (Block& b : doc.blocks)
    for (Span c : caption_spans)
      if (b.kind != BlockKind::kTitle && b.span.begin >= c.begin && b.span.end <= c.end) b.kind = BlockKind::kCaption;
}

std::string too_large_message(std::string_view name, uint64_t bytes, uint64_t limit) {
  return fmt::format("{}: skipped: a document of {} bytes, over the limit of {} (--max-document-bytes)", name, bytes,
                     limit);
}

Status read_bytes(std::string_view name, std::string_view bytes, InputFormat format, const DocumentSink& sink,
                  const WarningSink& warn, uint64_t max_document_bytes) {
  if (format == InputFormat::kAuto) format = name == "-" ? sniff_format(bytes) : format_for_path(name);
  if (looks_binary(bytes)) {
    warn(fmt::format("{}: skipped: not a text file (binary data, or text in an encoding other than UTF-8)", name));
    return Status::Ok();
  }
  if (bytes.size() > kMaxInputBytes) {  // offsets in a Document are 32-bit
    warn(fmt::format("{}: skipped: larger than 4 GiB", name));
    return Status::Ok();
  }
  if (format == InputFormat::kConllu) {
    SITREP_ASSIGN_OR_RETURN(auto corpus, parse_conllu(bytes, name));
    for (Document& doc : conllu_documents(corpus, path_stem(name))) {
      doc.path = std::string(name);
      sink(std::move(doc));
    }
    return Status::Ok();
  }
  if (format == InputFormat::kJsonl) {
    read_jsonl(name, bytes, sink, warn, max_document_bytes);
    return Status::Ok();
  }
  if (max_document_bytes && bytes.size() > max_document_bytes) {
    warn(too_large_message(name, bytes.size(), max_document_bytes));
    return Status::Ok();
  }
  Document doc = new_document(name);
  set_normalized_text(doc, bytes, name, warn);
  if (format == InputFormat::kHtml) {
    std::string html = std::move(doc.text);
    std::vector<Span> captions;
    if (!read_html(html, doc, captions)) {
      std::string msg = fmt::format("{}: elements nested deeper than {}: read as text without its markup", name,
                                    kMaxHtmlDepth);
      doc.warnings.push_back(msg);
      warn(msg);
    }
    finish_document(doc, captions);
  } else {
    parse_text_header(doc);
    finish_document(doc, {});
  }
  sink(std::move(doc));
  return Status::Ok();
}

Status read_inputs(const std::vector<std::string>& paths, const ReadOptions& options, const DocumentSink& sink,
                   const WarningSink& warn) {
  Status first_error;
  for (const std::string& path : paths) read_one_path(path, options, sink, warn, first_error);
  return first_error;
}

}  // namespace sitrep::io
