#include "core/model_file.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep {
namespace {

ModelFile sample_model() {
  ModelFile m;
  m.kind = "test-kind";
  m.kind_version = 3;
  m.note = "trained on nothing; licence: ours";
  ByteWriter w;
  w.u32(7);
  w.f32(0.5f);
  w.array(std::vector<int16_t>{1, -2, 3});
  m.add("weights", w.take());
  m.add("empty", "");
  return m;
}

TEST(ModelFileTest, RoundTripKeepsEverySection) {
  std::string bytes = encode_model_file(sample_model());
  auto back = decode_model_file(bytes, "mem");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value().kind, "test-kind");
  EXPECT_EQ(back.value().kind_version, 3u);
  EXPECT_EQ(back.value().note, "trained on nothing; licence: ours");
  ASSERT_NE(back.value().section("weights"), nullptr);
  ASSERT_NE(back.value().section("empty"), nullptr);
  EXPECT_EQ(back.value().section("missing"), nullptr);
  ByteReader r(*back.value().section("weights"));
  uint32_t a;
  float f;
  std::vector<int16_t> v;
  ASSERT_TRUE(r.u32(&a) && r.f32(&f) && r.array(&v));
  EXPECT_EQ(a, 7u);
  EXPECT_EQ(f, 0.5f);
  EXPECT_EQ(v, (std::vector<int16_t>{1, -2, 3}));
  EXPECT_TRUE(r.done());
}

TEST(ModelFileTest, RejectsUnknownFormatVersionByName) {
  std::string bytes = encode_model_file(sample_model());
  bytes[8] = 99;  // the format version follows the 8-byte magic
  auto back = decode_model_file(bytes, "models/x.bin");
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("models/x.bin"), std::string::npos);
  EXPECT_NE(back.status().message().find("version 99"), std::string::npos);
}

TEST(ModelFileTest, RejectsDamageAndForeignFiles) {
  std::string bytes = encode_model_file(sample_model());
  bytes[bytes.size() / 2] ^= 0x40;
  EXPECT_FALSE(decode_model_file(bytes, "m").ok());
  EXPECT_FALSE(decode_model_file("hello world, not a model", "m").ok());
  EXPECT_FALSE(decode_model_file("", "m").ok());
  std::string good = encode_model_file(sample_model());
  for (size_t cut = 0; cut < good.size(); cut += 7) EXPECT_FALSE(decode_model_file(good.substr(0, cut), "m").ok());
}

TEST(ModelFileTest, KindVersionMismatchIsAClearError) {
  auto path = (std::filesystem::temp_directory_path() / "sitrep_model_test.bin").string();
  ASSERT_TRUE(write_model_file(path, sample_model()).ok());
  EXPECT_TRUE(read_model_file(path, "test-kind", 3).ok());
  auto wrong_version = read_model_file(path, "test-kind", 4);
  ASSERT_FALSE(wrong_version.ok());
  EXPECT_NE(wrong_version.status().message().find("version 3"), std::string::npos);
  EXPECT_FALSE(read_model_file(path, "parser", 3).ok());
  std::filesystem::remove(path);
  EXPECT_FALSE(read_model_file(path).ok());
}

}  // namespace
}  // namespace sitrep
