#include "core/model_file.h"

#include <xxhash.h>
#include <zstd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace sitrep {
namespace {

constexpr std::string_view kMagic("SITREPM\x7F", 8);

}  // namespace

const std::string* ModelFile::section(std::string_view name) const {
  for (const auto& [n, bytes] : sections)
    if (n == name) return &bytes;
  return nullptr;
}

void ByteWriter::u32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), 4); }
void ByteWriter::u64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), 8); }
void ByteWriter::f32(float v) { out_.append(reinterpret_cast<const char*>(&v), 4); }
void ByteWriter::str(std::string_view s) {
  u32(static_cast<uint32_t>(s.size()));
  out_.append(s);
}

bool ByteReader::take(void* dst, size_t n) {
  if (in_.size() - pos_ < n) return false;
  std::memcpy(dst, in_.data() + pos_, n);
  pos_ += n;
  return true;
}
bool ByteReader::u8(uint8_t* v) { return take(v, 1); }
bool ByteReader::u32(uint32_t* v) { return take(v, 4); }
bool ByteReader::u64(uint64_t* v) { return take(v, 8); }
bool ByteReader::f32(float* v) { return take(v, 4); }
bool ByteReader::bytes(std::string* s) {
  uint64_t n;
  if (!u64(&n) || in_.size() - pos_ < n) return false;
  s->assign(in_.data() + pos_, n);
  pos_ += n;
  return true;
}
bool ByteReader::str(std::string* s) {
  uint32_t n;
  if (!u32(&n) || in_.size() - pos_ < n) return false;
  s->assign(in_.data() + pos_, n);
  pos_ += n;
  return true;
}

std::string encode_model_file(const ModelFile& model, int zstd_level) {
  ByteWriter payload;
  payload.u32(static_cast<uint32_t>(model.sections.size()));
  for (const auto& [name, bytes] : model.sections) {
    payload.str(name);
    payload.bytes(bytes);
  }
  std::string raw = payload.take();
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), zstd_level);
  packed.resize(ZSTD_isError(n) ? 0 : n);

  ByteWriter out;
  out.raw(kMagic);
  out.u32(kModelFormatVersion);
  out.str(model.kind);
  out.u32(model.kind_version);
  out.str(model.note);
  out.u64(raw.size());
  out.raw(packed);
  std::string file = out.take();
  uint64_t sum = XXH64(file.data(), file.size(), 0);
  file.append(reinterpret_cast<const char*>(&sum), 8);
  return file;
}

Result<ModelFile> decode_model_file(std::string_view bytes, std::string_view name) {
  auto fail = [&](std::string_view why) {
    return Status::Corruption(fmt::format("{}: not a usable sitrep model: {}", name, why));
  };
  if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, kMagic.size()) != kMagic)
    return fail("bad magic number");
  uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - 8, 8);
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader in(body.substr(kMagic.size()));
  uint32_t format;
  if (!in.u32(&format)) return fail("truncated header");
  if (format != kModelFormatVersion)
    return fail(fmt::format("format version {} is not supported (this build reads version {})", format,
                            kModelFormatVersion));
  if (XXH64(body.data(), body.size(), 0) != stored) return fail("checksum mismatch (file damaged)");
  ModelFile model;
  uint64_t raw_size;
  if (!in.str(&model.kind) || !in.u32(&model.kind_version) || !in.str(&model.note) || !in.u64(&raw_size))
    return fail("truncated header");
  size_t header = kMagic.size() + 4 + 4 + model.kind.size() + 4 + 4 + model.note.size() + 8;
  std::string_view packed = body.substr(header);
  if (raw_size > (uint64_t{1} << 32)) return fail("payload too large");
  std::string raw(raw_size, '\0');
  size_t n = ZSTD_decompress(raw.data(), raw.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != raw_size) return fail("payload does not decompress");
  ByteReader sec(raw);
  uint32_t count;
  if (!sec.u32(&count)) return fail("truncated sections");
  for (uint32_t i = 0; i < count; ++i) {
    std::string sname, data;
    if (!sec.str(&sname) || !sec.bytes(&data)) return fail("truncated sections");
    model.add(std::move(sname), std::move(data));
  }
  if (!sec.done()) return fail("trailing bytes after the sections");
  return model;
}

Status write_model_file(const std::string& path, const ModelFile& model) {
  std::string bytes = encode_model_file(model);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
      return Status::IOError(fmt::format("{}: cannot write model file", path));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IOError(fmt::format("{}: cannot write model file", path));
  return Status::Ok();
}

Result<ModelFile> read_model_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open model file", path));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return decode_model_file(bytes, path);
}

Result<ModelFile> read_model_file(const std::string& path, std::string_view kind, uint32_t kind_version) {
  auto model = read_model_file(path);
  if (!model.ok()) return model;
  const ModelFile& m = model.value();
  if (m.kind != kind)
    return Status::Error(fmt::format("{}: is a '{}' model, expected '{}'", path, m.kind, kind));
  if (m.kind_version != kind_version)
    return Status::Error(fmt::format("{}: '{}' model version {} is not supported (this build reads version {})",
                                     path, kind, m.kind_version, kind_version));
  return model;
}

}  // namespace sitrep
