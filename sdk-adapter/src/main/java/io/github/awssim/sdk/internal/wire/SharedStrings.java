package io.github.awssim.sdk.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * One String for each short value that calls keep repeating (product codes, dimensions, enum values), instead
 * of a new one per call: the journal keeps thousands of decoded requests, and every object less in them is one
 * the young collector does not copy. A small direct-mapped cache shared by all simulations (Strings are values);
 * a miss costs what decoding a String always cost. Longer values (tokens, ids, which rarely repeat) are left
 * alone so they do not churn the cache.
 */
final class SharedStrings {
    private static final int MAX_LENGTH = 32;
    private static final int SLOTS = 1024;
    // Read and written without a lock: a String is safely published, and a lost write only means one more miss.
    private static final String[] CACHE = new String[SLOTS];

    private SharedStrings() {
    }

    /** The current VALUE_STRING token's text. */
    static String text(JsonParser p) throws IOException {
        int length = p.getTextLength();
        if (length > MAX_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = CACHE[slot];
        if (cached != null && cached.length() == length && cached.hashCode() == hash && same(cached, chars, offset)) {
            return cached;
        }
        String s = new String(chars, offset, length);
        CACHE[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
