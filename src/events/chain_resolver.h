// ChainActorResolver: the coder's actors from the entity stage. Every mention
// whose coreference chain carries an actor code (entities/actors.h) is an
// actor phrase, so "he", "the Chinese foreign minister" and "Wang" are all
// CHNGOV once their chain is; no dictionary lookup happens here.
#pragma once

#include <string>
#include <vector>

#include "entities/actor_dictionary.h"
#include "events/coder.h"

namespace sitrep::events {

class ChainActorResolver : public ActorResolver {
 public:
  // Role codes (GOV, CVL...) of `dict` make agents: "officials in Kyiv" -> UKRGOV.
  explicit ChainActorResolver(const entities::ActorDictionary& dict);
  bool lone_agents() const override { return true; }
  bool has_country(std::string_view code) const override {
    return dict_.has_country(code);
  }
  // The outermost coded mention of each place in sentence `s`, in text order.
  // Codes point into doc.chains: the document must outlive the matches.
  void find(const Document& doc, uint32_t s, Date date, std::vector<ActorMatch>& out) const override;

 private:
  // A city named as a modifier ("the Kramatorsk station attack", "the Aleppo
  // market") says where, not who: not an actor there.
  bool city_modifier(const Document& doc, const Mention& m) const;
  // A nationality in the title of a name coded with that country ("Cambodian Prime
  // Minister Hun Sen" is KHMGOV, not also KHM).
  bool title_owner(const Document& doc, const Mention& m, const std::string& code) const;
  // A capital named as a subject, object or owner: its government.
  // (The code, owned here; null when not.)
  const std::string* capital_acting(const Document& doc, const Mention& m, const std::string& code) const;
  // Countries joined to a match's own inside its phrase ("Afghan and American troops").
  void joined_countries(const Document& doc, std::vector<Mention>::const_iterator it, ActorMatch& a) const;
  // "The two sides", "both countries", "the two leaders" (words `begin`.. of `out` are sentence s's).
  void both_sides(const Document& doc, uint32_t s, size_t begin, std::vector<ActorMatch>& out) const;
  const entities::ActorDictionary& dict_;
  std::vector<std::string> agents_;  // "~GOV", sorted
  std::vector<std::string> governments_;  // "RUSGOV" for each country with a capital, sorted
};

}  // namespace sitrep::events
