// The model file: how every trained model of sitrep is stored.
//
// Layout (little-endian; see docs/model-format.md):
//   magic       8 bytes  "SITREPM\x7F"
//   format      u32      container format version (kModelFormatVersion); others rejected
//   kind        str      what model this is ("sentence-splitter", "tagger", "parser", ...)
//   kind_ver    u32      version of that kind's own section layout; the loader checks it
//   note        str      training data, licence and the command that produced it
//   raw_size    u64      size of the payload once decompressed
//   payload     ...      zstd frame holding the sections: count u32, then for each
//                        name (str) and bytes (u64 size + data)
//   checksum    u64      XXH64 of every byte before it
// str = u32 length + bytes. Loading is one read and one decompression.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace sitrep {

inline constexpr uint32_t kModelFormatVersion = 1;

struct ModelFile {
  std::string kind;
  uint32_t kind_version = 0;
  std::string note;
  std::vector<std::pair<std::string, std::string>> sections;  // name, bytes

  // The bytes of the named section, or nullptr.
  const std::string* section(std::string_view name) const;
  void add(std::string name, std::string bytes) { sections.emplace_back(std::move(name), std::move(bytes)); }
};

std::string encode_model_file(const ModelFile& model, int zstd_level = 19);
// `name` is used in error messages (a path, usually).
Result<ModelFile> decode_model_file(std::string_view bytes, std::string_view name);
Status write_model_file(const std::string& path, const ModelFile& model);
Result<ModelFile> read_model_file(const std::string& path);
// Reads and checks kind and kind_version: a clear error names the file and both versions.
Result<ModelFile> read_model_file(const std::string& path, std::string_view kind, uint32_t kind_version);

// Little helpers for section payloads: append / read fixed-width little-endian values.
class ByteWriter {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v);
  void u64(uint64_t v);
  void f32(float v);
  void str(std::string_view s);
  void raw(std::string_view s) { out_.append(s); }
  void bytes(std::string_view s) { u64(s.size()); out_.append(s); }  // u64 size + data
  template <typename T>
  void array(const std::vector<T>& v) {  // u64 count + raw elements (trivially copyable T)
    u64(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool u8(uint8_t* v);
  bool u32(uint32_t* v);
  bool u64(uint64_t* v);
  bool f32(float* v);
  bool str(std::string* s);
  bool bytes(std::string* s);  // u64 size + data
  template <typename T>
  bool array(std::vector<T>* v) {
    uint64_t n;
    if (!u64(&n) || n > (in_.size() - pos_) / sizeof(T)) return false;
    v->resize(n);
    if (n) std::memcpy(v->data(), in_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  bool take(void* dst, size_t n);
  std::string_view in_;
  size_t pos_ = 0;
};

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

}  // namespace sitrep
