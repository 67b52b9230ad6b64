package io.github.awssim.core.services.pricingcalculator;

import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.MemberModel;
import io.github.awssim.core.internal.model.ShapeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The model constraints awssim's shared validator reads loosely, checked strictly for this service: a string
 * must match its shape's pattern as a whole (the model writes {@code [a-zA-Z0-9-]+} for names, and a name with
 * a space must not pass because one character matched), and a union must set exactly one member.
 */
final class ModelChecks {
    private ModelChecks() {
    }

    static List<Violation> check(ShapeModel input, SdkPojo request) {
        List<Violation> out = new ArrayList<>(0);
        structure(input, request, "", out);
        return out;
    }

    private static void structure(ShapeModel shape, SdkPojo pojo, String at, List<Violation> out) {
        if (shape.isUnion()) {
            List<String> set = new ArrayList<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.getValueOrDefault(pojo) != null) {
                    set.add(f.memberName());
                }
            }
            if (set.size() != 1) {
                out.add(new Violation(at, set.isEmpty() ? null : set,
                    "Member must set exactly one of " + shape.members().keySet()));
            }
        }
        for (SdkField<?> f : pojo.sdkFields()) {
            MemberModel member = shape.members().get(f.memberName());
            Object value = f.getValueOrDefault(pojo);
            if (member != null && value != null) {
                value(member.shape(), value, at.isEmpty() ? f.memberName() : at + "." + f.memberName(), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(ShapeModel shape, Object value, String at, List<Violation> out) {
        switch (shape.type()) {
            case "string": {
                Pattern p = shape.pattern().orElse(null);
                String s = value.toString();
                // A pattern the shared validator found nowhere in the value is already reported.
                if (p != null && p.matcher(s).find() && !p.matcher(s).matches()) {
                    out.add(new Violation(at, s, "Member must satisfy regular expression pattern: " + shape.patternSource()));
                }
                break;
            }
            case "list": {
                ShapeModel member = shape.listMember().orElse(null);
                List<Object> list = (List<Object>) value;
                for (int i = 0; member != null && i < list.size(); i++) {
                    if (list.get(i) != null) {
                        value(member, list.get(i), at + "." + (i + 1) + ".member", out);
                    }
                }
                break;
            }
            case "map": {
                ShapeModel key = shape.mapKey().orElse(null);
                ShapeModel val = shape.mapValue().orElse(null);
                for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                    if (key != null) {
                        value(key, e.getKey(), at + ".key", out);
                    }
                    if (val != null && e.getValue() != null) {
                        value(val, e.getValue(), at + "." + e.getKey(), out);
                    }
                }
                break;
            }
            case "structure":
                if (value instanceof SdkPojo) {
                    structure(shape, (SdkPojo) value, at, out);
                }
                break;
            default:
                break;
        }
    }
}
