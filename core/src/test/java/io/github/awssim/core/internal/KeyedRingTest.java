package io.github.awssim.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyedRingTest {

    @Test
    void keepsTheNewestValuesOldestFirstAndReturnsWhatItEvicts() {
        KeyedRing<String, Integer> ring = new KeyedRing<>(3);
        assertThat(ring.newest()).isNull();
        assertThat(ring.add("a", 1)).isNull();
        assertThat(ring.add(null, 2)).isNull();
        assertThat(ring.add("c", 3)).isNull();
        assertThat(ring.add("d", 4)).isEqualTo(1);
        assertThat(ring.values()).containsExactly(2, 3, 4);
        assertThat(ring.newest()).isEqualTo(4);
        assertThat(ring.find("a")).isNull();
        assertThat(ring.find("c")).isEqualTo(3);
        assertThat(ring.find(null)).isNull();
        ring.clear();
        assertThat(ring.size()).isZero();
        assertThat(ring.find("c")).isNull();
    }

    @Test
    void aKeyAddedAgainFindsTheNewerValueAndSurvivesTheOldersEviction() {
        KeyedRing<String, Integer> ring = new KeyedRing<>(2);
        ring.add("k", 1);
        ring.add("k", 2);
        assertThat(ring.find("k")).isEqualTo(2);
        ring.add("x", 3);                       // evicts the first "k"
        assertThat(ring.find("k")).isEqualTo(2);
        ring.add("y", 4);                       // evicts the second
        assertThat(ring.find("k")).isNull();
    }

    /** Keys with equal hashes exercise the probing and the backward-shift deletion. */
    @Test
    void matchesAMapAndADequeUnderRandomTrafficWithCollidingKeys() {
        Random random = new Random(7);
        for (int capacity : new int[] {1, 5, 16, 17, 100, 1000}) {
            KeyedRing<Key, Integer> ring = new KeyedRing<>(capacity);
            Deque<Map.Entry<Key, Integer>> order = new ArrayDeque<>();
            Map<Key, Integer> latest = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                Key key = random.nextInt(10) == 0 ? null : new Key(random.nextInt(3 * capacity + 3), random.nextInt(4));
                Integer evicted = ring.add(key, i);
                order.addLast(Map.entry(key == null ? Key.NONE : key, i));
                if (key != null) {
                    latest.put(key, i);
                }
                if (order.size() > capacity) {
                    Map.Entry<Key, Integer> old = order.removeFirst();
                    assertThat(evicted).isEqualTo(old.getValue());
                    latest.remove(old.getKey(), old.getValue());
                } else {
                    assertThat(evicted).isNull();
                }
                Key probe = new Key(random.nextInt(3 * capacity + 3), random.nextInt(4));
                assertThat(ring.find(probe)).as("capacity %d, step %d, %s", capacity, i, probe).isEqualTo(latest.get(probe));
            }
            List<Integer> expected = new ArrayList<>();
            order.forEach(e -> expected.add(e.getValue()));
            assertThat(ring.values()).isEqualTo(expected);
            for (Map.Entry<Key, Integer> e : latest.entrySet()) {
                assertThat(ring.find(e.getKey())).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new KeyedRing<>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Few distinct hash codes, many distinct keys. */
    private record Key(int id, int hash) {
        static final Key NONE = new Key(-1, -1);

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
