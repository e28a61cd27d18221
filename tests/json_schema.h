// A JSON Schema (draft-04) validator for the keywords the SARIF 2.1.0
// schema uses: type, properties, additionalProperties, required, items,
// minItems, uniqueItems, enum, minimum, maximum, pattern, anyOf, oneOf and
// local $ref. `format` is an annotation and is not checked. Test-only.
#ifndef ALIGNCHECK_TESTS_JSON_SCHEMA_H_
#define ALIGNCHECK_TESTS_JSON_SCHEMA_H_

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace aligncheck::testing {

class JsonSchemaValidator {
 public:
  explicit JsonSchemaValidator(nlohmann::json schema)
      : root_(std::move(schema)) {}

  /// Returns one message per violation, each with its JSON pointer.
  std::vector<std::string> Validate(const nlohmann::json& value) {
    errors_.clear();
    Check(root_, value, "");
    return errors_;
  }

 private:
  using Json = nlohmann::json;

  const Json& Resolve(const Json& schema) {
    const Json* s = &schema;
    for (int depth = 0; s->contains("$ref") && depth < 32; ++depth) {
      std::string ref = (*s)["$ref"].get<std::string>();
      if (ref.rfind("#/", 0) != 0) {
        errors_.push_back("unsupported $ref " + ref);
        return *s;
      }
      s = &root_.at(Json::json_pointer(ref.substr(1)));
    }
    return *s;
  }

  static bool HasType(const Json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    return false;
  }

  // Whether `value` matches `schema`, without recording errors.
  bool Matches(const Json& schema, const Json& value) {
    std::vector<std::string> saved;
    saved.swap(errors_);
    Check(schema, value, "");
    bool ok = errors_.empty();
    errors_.swap(saved);
    return ok;
  }

  void Fail(const std::string& where, const std::string& what) {
    errors_.push_back((where.empty() ? "/" : where) + ": " + what);
  }

  void Check(const Json& raw, const Json& v, const std::string& where) {
    const Json& s = Resolve(raw);
    if (s.contains("type")) {
      const Json& t = s["type"];
      bool ok = false;
      if (t.is_string()) ok = HasType(v, t.get<std::string>());
      for (const Json& one : t.is_array() ? t : Json::array()) {
        ok = ok || HasType(v, one.get<std::string>());
      }
      if (!ok)
        return Fail(where, "expected type " + t.dump() + ", got " + v.dump());
    }
    if (s.contains("enum")) {
      bool found = false;
      for (const Json& e : s["enum"]) found = found || e == v;
      if (!found) Fail(where, v.dump() + " is not one of " + s["enum"].dump());
    }
    if (v.is_number()) {
      if (s.contains("minimum") &&
          v.get<double>() < s["minimum"].get<double>()) {
        Fail(where, v.dump() + " is below the minimum " + s["minimum"].dump());
      }
      if (s.contains("maximum") &&
          v.get<double>() > s["maximum"].get<double>()) {
        Fail(where, v.dump() + " is above the maximum " + s["maximum"].dump());
      }
    }
    if (v.is_string() && s.contains("pattern")) {
      std::regex re(s["pattern"].get<std::string>(), std::regex::ECMAScript);
      if (!std::regex_search(v.get<std::string>(), re)) {
        Fail(where, v.dump() + " does not match " + s["pattern"].dump());
      }
    }
    if (v.is_object()) CheckObject(s, v, where);
    if (v.is_array()) CheckArray(s, v, where);
    if (s.contains("anyOf")) {
      bool any = false;
      for (const Json& option : s["anyOf"]) any = any || Matches(option, v);
      if (!any) Fail(where, "matches no schema of anyOf");
    }
    if (s.contains("oneOf")) {
      int count = 0;
      for (const Json& option : s["oneOf"]) count += Matches(option, v) ? 1 : 0;
      if (count != 1)
        Fail(where, "matches " + std::to_string(count) + " schemas of oneOf");
    }
  }

  void CheckObject(const Json& s, const Json& v, const std::string& where) {
    for (const Json& name : s.value("required", Json::array())) {
      if (!v.contains(name.get<std::string>())) {
        Fail(where, "missing required property " + name.dump());
      }
    }
    const Json properties = s.value("properties", Json::object());
    for (const auto& [key, child] : v.items()) {
      std::string path = where + "/" + key;
      if (properties.contains(key)) {
        Check(properties[key], child, path);
      } else if (s.contains("additionalProperties")) {
        const Json& extra = s["additionalProperties"];
        if (extra.is_boolean()) {
          if (!extra.get<bool>()) Fail(path, "property not allowed");
        } else {
          Check(extra, child, path);
        }
      }
    }
  }

  void CheckArray(const Json& s, const Json& v, const std::string& where) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) {
      Fail(where, "fewer than " + s["minItems"].dump() + " items");
    }
    if (s.value("uniqueItems", false)) {
      std::set<std::string> seen;
      for (const Json& item : v) {
        if (!seen.insert(item.dump()).second)
          Fail(where, "items are not unique");
      }
    }
    if (s.contains("items") && s["items"].is_object()) {
      for (size_t i = 0; i < v.size(); ++i) {
        Check(s["items"], v[i], where + "/" + std::to_string(i));
      }
    }
  }

  Json root_;
  std::vector<std::string> errors_;
};

}  // namespace aligncheck::testing

#endif  // ALIGNCHECK_TESTS_JSON_SCHEMA_H_
