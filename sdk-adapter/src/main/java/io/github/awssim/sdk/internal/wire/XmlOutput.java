package io.github.awssim.sdk.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A small XML writer for answers: elements, attributes and escaped text, UTF-8. Text is escaped as the
 * SDK's own writer does ({@code & < > " '}, and CR and LF as character references so XML's line-end
 * normalisation cannot change them). Characters XML 1.0 cannot carry (controls other than tab, CR, LF)
 * are written as character references, as S3 does; only {@code encoding-type=url} makes such keys
 * readable by XML parsers.
 */
public final class XmlOutput {
    /** The XML declaration S3 starts its documents with. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean startOpen;

    public XmlOutput declaration() {
        out.append(DECLARATION);
        return this;
    }

    public XmlOutput start(String name) {
        return start(name, Map.of());
    }

    /** Opens an element with attributes; null attribute values are left out. */
    public XmlOutput start(String name, Map<String, String> attributes) {
        closeStart();
        out.append('<').append(name);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (a.getValue() != null) {
                out.append(' ').append(a.getKey()).append("=\"");
                escape(a.getValue(), true);
                out.append('"');
            }
        }
        startOpen = true;
        open.push(name);
        return this;
    }

    public XmlOutput text(String text) {
        closeStart();
        escape(text, false);
        return this;
    }

    public XmlOutput end() {
        String name = open.pop();
        if (startOpen) {
            // <Key></Key> rather than <Key/>: both parse the same, and it is what S3 and the SDK write.
            out.append('>');
            startOpen = false;
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}, or nothing when {@code text} is null. */
    public XmlOutput element(String name, String text) {
        if (text != null) {
            start(name).text(text).end();
        }
        return this;
    }

    public byte[] toBytes() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void closeStart() {
        if (startOpen) {
            out.append('>');
            startOpen = false;
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                case '\r':
                    out.append("&#xD;");
                    break;
                case '\n':
                    out.append(attribute ? "&#xA;" : "\n");
                    break;
                case '\t':
                    out.append(attribute ? "&#x9;" : "\t");
                    break;
                default:
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append("&#x").append(Integer.toHexString(c).toUpperCase()).append(';');
                    } else {
                        out.append(c);
                    }
            }
        }
    }
}
