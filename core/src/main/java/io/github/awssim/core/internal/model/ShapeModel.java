package io.github.awssim.core.internal.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One shape of a {@link ServiceModel} with the constraints awssim validates. */
public final class ShapeModel {
    private final String name;
    private final String type;
    private final Map<String, MemberModel> members;
    private final Set<String> required;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Pattern pattern;
    private final String patternSource;
    private String lastMatch;
    private final List<String> enumValues;
    private final String listMember;
    private final String mapKey;
    private final String mapValue;
    private final boolean exception;
    private final boolean fault;
    private final String errorCode;
    private final boolean union;
    private final String payload;
    private final ServiceModel service;
    /** The bounds as longs when they are whole numbers that fit, so checks of lengths and integers stay primitive. */
    private final Long minLong;
    private final Long maxLong;
    private ShapeModel listMemberShape;
    private ShapeModel mapKeyShape;
    private ShapeModel mapValueShape;

    @SuppressWarnings("unchecked")
    ShapeModel(String name, Map<String, Object> def, ServiceModel service) {
        this.name = name;
        this.service = service;
        this.type = (String) def.get("type");
        Map<String, MemberModel> m = new LinkedHashMap<>();
        Object members = def.get("members");
        if (members instanceof Map) {
            ((Map<String, Object>) members).forEach((n, md) -> m.put(n, new MemberModel(n, (Map<String, Object>) md, service)));
        }
        this.members = Collections.unmodifiableMap(m);
        Object req = def.get("required");
        this.required = req instanceof List
            ? Collections.unmodifiableSet(new LinkedHashSet<>((List<String>) req)) : Set.of();
        this.min = decimal(def.get("min"));
        this.max = decimal(def.get("max"));
        this.minLong = asLong(min);
        this.maxLong = asLong(max);
        this.patternSource = (String) def.get("pattern");
        this.pattern = patternSource == null ? null : Pattern.compile(endOfInputAnchors(patternSource));
        Object en = def.get("enum");
        this.enumValues = en instanceof List ? List.copyOf((List<String>) en) : null;
        this.listMember = def.get("member") == null ? null : (String) ((Map<String, Object>) def.get("member")).get("shape");
        this.mapKey = def.get("key") == null ? null : (String) ((Map<String, Object>) def.get("key")).get("shape");
        this.mapValue = def.get("value") == null ? null : (String) ((Map<String, Object>) def.get("value")).get("shape");
        this.exception = Boolean.TRUE.equals(def.get("exception"));
        this.fault = Boolean.TRUE.equals(def.get("fault"));
        Object err = def.get("error");
        this.errorCode = err instanceof Map ? (String) ((Map<String, Object>) err).get("code") : null;
        this.union = Boolean.TRUE.equals(def.get("union"));
        this.payload = (String) def.get("payload");
    }

    private static Long asLong(BigDecimal d) {
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal ? (BigDecimal) o : new BigDecimal(o.toString());
    }

    public String name() {
        return name;
    }

    /** botocore type: structure, list, map, string, integer, long, float, double, boolean, timestamp, blob, ... */
    public String type() {
        return type;
    }

    public Map<String, MemberModel> members() {
        return members;
    }

    public Optional<MemberModel> member(String memberName) {
        return Optional.ofNullable(members.get(memberName));
    }

    public Set<String> required() {
        return required;
    }

    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    public Optional<Pattern> pattern() {
        return Optional.ofNullable(pattern);
    }

    public String patternSource() {
        return patternSource;
    }

    public Optional<List<String>> enumValues() {
        return Optional.ofNullable(enumValues);
    }

    public Optional<ShapeModel> listMember() {
        return Optional.ofNullable(listMemberShape);
    }

    public Optional<ShapeModel> mapKey() {
        return Optional.ofNullable(mapKeyShape);
    }

    public Optional<ShapeModel> mapValue() {
        return Optional.ofNullable(mapValueShape);
    }

    /** Lower bound (length or value), or null: the validator's allocation-free view of {@link #min()}. */
    BigDecimal minBound() {
        return min;
    }

    /** Upper bound (length or value), or null. */
    BigDecimal maxBound() {
        return max;
    }

    Long minLong() {
        return minLong;
    }

    Long maxLong() {
        return maxLong;
    }

    Pattern patternOrNull() {
        return pattern;
    }

    /**
     * Whether {@code s} satisfies this shape's pattern (find semantics, as AWS applies it). The last value that
     * matched is remembered: calls repeat the same product codes and dimensions, and a regex run costs more than
     * the rest of the validation. The field is read and written without a lock: a String is safely published,
     * and a stale read only means one more regex run.
     */
    /**
     * The model's patterns are ECMA-style: {@code $} is the end of the input. Java's {@code $} also matches
     * before a final line terminator, which would let {@code "abc\n"} through {@code ^[a-z]+$}; {@code \z} is
     * the end-of-input anchor in Java, so every {@code $} outside a character class becomes one.
     */
    static String endOfInputAnchors(String source) {
        StringBuilder b = new StringBuilder(source.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                b.append(c).append(source.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                b.append(c);
            } else if (c == ']') {
                inClass = false;
                b.append(c);
            } else if (c == '$' && !inClass) {
                b.append("\\z");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    boolean matchesPattern(String s) {
        String last = lastMatch;
        if (last != null && last.equals(s)) {
            return true;
        }
        boolean matches = pattern.matcher(s).find();
        if (matches) {
            lastMatch = s;
        }
        return matches;
    }

    List<String> enumOrNull() {
        return enumValues;
    }

    ShapeModel listMemberOrNull() {
        return listMemberShape;
    }

    ShapeModel mapKeyOrNull() {
        return mapKeyShape;
    }

    ShapeModel mapValueOrNull() {
        return mapValueShape;
    }

    /** Resolves shape references once, when the model loads, so validation never looks shapes up by name. */
    void link() {
        listMemberShape = listMember == null ? null : service.shape(listMember);
        mapKeyShape = mapKey == null ? null : service.shape(mapKey);
        mapValueShape = mapValue == null ? null : service.shape(mapValue);
        members.values().forEach(MemberModel::link);
    }

    public boolean isException() {
        return exception;
    }

    /** True for server-side errors ({@code "fault": true}). */
    public boolean isFault() {
        return fault;
    }

    /** The error code the model names for this exception shape, defaulting to the shape name. */
    public String modeledErrorCode() {
        return errorCode != null ? errorCode : name;
    }

    public boolean isUnion() {
        return union;
    }

    /** The member that is the whole HTTP payload, if the shape names one. */
    public Optional<String> payload() {
        return Optional.ofNullable(payload);
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }
}
