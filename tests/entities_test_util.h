// Shared by the actor and place tests: sentences we write, run through the real
// tokenizer, tagger and parser, with the shipped actor dictionary.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "entities/actor_dictionary.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

namespace sitrep::testing_util {

inline const Pipeline& pipeline() {
  static const Pipeline p = Pipeline::load_default().value();
  return p;
}

inline const entities::ActorDictionary& dictionary() {
  static const entities::ActorDictionary d = [] {
    auto r = entities::ActorDictionary::load_default();
    if (!r.ok()) ADD_FAILURE() << r.status().message();
    return std::move(r).value();
  }();
  return d;
}

// One plain-text document, analysed, dated `date` ("2022-04-12"; empty: unknown).
inline Document analyse(const std::string& text, const std::string& date = "2022-04-12") {
  Document doc;
  Status st = io::read_bytes("test.txt", text, io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                             [](const std::string&) {});
  EXPECT_TRUE(st.ok()) << st.message();
  pipeline().process(doc);
  if (!date.empty()) {
    doc.date.year = static_cast<int16_t>(std::stoi(date.substr(0, 4)));
    doc.date.month = static_cast<uint8_t>(std::stoi(date.substr(5, 2)));
    doc.date.day = static_cast<uint8_t>(std::stoi(date.substr(8, 2)));
  } else {
    doc.date = Date{};
  }
  return doc;
}

}  // namespace sitrep::testing_util
