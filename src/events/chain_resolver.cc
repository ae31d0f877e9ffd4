#include "events/chain_resolver.h"

#include <algorithm>

namespace sitrep::events {

void ChainActorResolver::find(const Document& doc, uint32_t s, Date, std::vector<ActorMatch>& out) const {
  // Mentions are sorted by start, longer first (entities/mentions.h), so a nested
  // mention ("Chinese" inside "the Chinese foreign minister") comes after the
  // one around it and is skipped.
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s,
                             [](const Mention& m, uint32_t sent) { return m.sentence < sent; });
  size_t begin = out.size();
  for (; it != doc.mentions.end() && it->sentence == s; ++it) {
    const Mention& m = *it;
    if (m.chain < 0 || m.word_count == 0) continue;
    const std::string& code = doc.chains[static_cast<size_t>(m.chain)].actor;
    if (code.empty()) continue;
    if (out.size() > begin && m.first_word <= out.back().last) continue;
    out.push_back({m.first_word, m.first_word + m.word_count - 1, code, false});
  }
}

}  // namespace sitrep::events
