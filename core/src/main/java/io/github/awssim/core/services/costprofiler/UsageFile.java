package io.github.awssim.core.services.costprofiler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tenant usage file: CSV (RFC 4180 quoting) with a header row naming the columns {@link #COLUMNS} in any
 * order ({@code TenantDesc} may be left out), then one row per usage period; StartTime and EndTime in epoch
 * seconds. A gzip-compressed file (recognised by its magic bytes) is read the same way. The first problem found
 * stops the read with a {@link Malformed} naming the line and column.
 */
final class UsageFile {
    static final List<String> COLUMNS = List.of("ApplicationId", "TenantId", "TenantDesc", "UsageAccountId",
        "StartTime", "EndTime", "ResourceId");
    private static final String OPTIONAL = "TenantDesc";
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    /** 9999-12-31T23:59:59Z: anything larger is not epoch seconds (most likely milliseconds). */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    /** Why a file is not a usage file; the message is the detail after "is not a valid usage file: ". */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private UsageFile() {
    }

    static List<TenantUsage> parse(byte[] bytes) throws Malformed {
        String text = decode(gunzipIfCompressed(bytes));
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            // Secondary sources mention JSON input; no AWS document awssim could read does, so say so plainly.
            throw new Malformed(CostProfilerMessages.jsonNotRead(COLUMNS));
        }
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw new Malformed(CostProfilerMessages.emptyFile(COLUMNS));
        }
        Map<String, Integer> index = header(records.get(0));
        List<TenantUsage> out = new ArrayList<>(records.size() - 1);
        for (Record r : records.subList(1, records.size())) {
            out.add(row(r, index));
        }
        return out;
    }

    private static byte[] gunzipIfCompressed(byte[] bytes) throws Malformed {
        if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Malformed(CostProfilerMessages.notGzip());
        }
    }

    private static String decode(byte[] bytes) throws Malformed {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new Malformed(CostProfilerMessages.notUtf8());
        }
    }

    /** One CSV record and the line it starts on (1-based). */
    private record Record(int line, List<String> fields) {
    }

    /** Splits CSV text into records; blank lines are skipped; a quoted field may hold commas, quotes and newlines. */
    private static List<Record> records(String text) throws Malformed {
        List<Record> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean closed = false;   // a quoted field ended: only its comma or the line's end may follow
            boolean end = false;
            while (i < n && !end) {
                char c = text.charAt(i);
                if (closed && c != ',' && c != '\r' && c != '\n' && !Character.isWhitespace(c)) {
                    throw new Malformed(CostProfilerMessages.textAfterQuote(line, c));
                }
                if (quoted) {
                    if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                        closed = true;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    i++;
                } else if (c == '"' && field.toString().isBlank()) {
                    quoted = true;
                    field.setLength(0);
                    i++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    closed = false;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    end = true;
                    i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                } else {
                    field.append(c);
                    i++;
                }
            }
            if (quoted) {
                throw new Malformed(CostProfilerMessages.unclosedQuote(start));
            }
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                out.add(new Record(start, fields));
            }
        }
        return out;
    }

    private static Map<String, Integer> header(Record r) throws Malformed {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < r.fields().size(); i++) {
            String name = r.fields().get(i).trim();
            if (!COLUMNS.contains(name)) {
                throw new Malformed(CostProfilerMessages.unknownColumn(name, COLUMNS));
            }
            if (index.put(name, i) != null) {
                throw new Malformed(CostProfilerMessages.repeatedColumn(name));
            }
        }
        Set<String> missing = new LinkedHashSet<>(COLUMNS);
        missing.remove(OPTIONAL);
        missing.removeAll(index.keySet());
        if (!missing.isEmpty()) {
            throw new Malformed(CostProfilerMessages.missingColumns(missing));
        }
        index.put("#fields", r.fields().size());
        return index;
    }

    private static TenantUsage row(Record r, Map<String, Integer> index) throws Malformed {
        int expected = index.get("#fields");
        if (r.fields().size() != expected) {
            throw new Malformed(CostProfilerMessages.fieldCount(r.line(), expected, r.fields().size()));
        }
        String app = required(r, index, "ApplicationId");
        String tenant = required(r, index, "TenantId");
        Integer descAt = index.get(OPTIONAL);
        String desc = descAt == null ? "" : r.fields().get(descAt).trim();
        String account = required(r, index, "UsageAccountId");
        if (!ACCOUNT.matcher(account).matches()) {
            throw new Malformed(CostProfilerMessages.badAccount(r.line(), account));
        }
        long start = seconds(r, index, "StartTime");
        long end = seconds(r, index, "EndTime");
        if (end <= start) {
            throw new Malformed(CostProfilerMessages.endNotAfterStart(r.line(), start, end));
        }
        String resource = required(r, index, "ResourceId");
        return new TenantUsage(app, tenant, desc, account, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
            resource);
    }

    private static String required(Record r, Map<String, Integer> index, String column) throws Malformed {
        String value = r.fields().get(index.get(column)).trim();
        if (value.isEmpty()) {
            throw new Malformed(CostProfilerMessages.emptyValue(r.line(), column));
        }
        return value;
    }

    private static long seconds(Record r, Map<String, Integer> index, String column) throws Malformed {
        String value = required(r, index, column);
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Malformed(CostProfilerMessages.badTime(r.line(), column, value));
        }
        if (v < 0) {
            throw new Malformed(CostProfilerMessages.badTime(r.line(), column, value));
        }
        if (v > MAX_EPOCH_SECONDS) {
            throw new Malformed(CostProfilerMessages.timeInMillis(r.line(), column, value));
        }
        return v;
    }
}
