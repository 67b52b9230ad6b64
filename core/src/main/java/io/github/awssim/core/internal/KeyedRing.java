package io.github.awssim.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent {@code capacity} values, oldest first, each findable by an optional key: what the journal
 * (executions by invocation id) and the Metering ClientToken ledger keep for a long run.
 *
 * <p>Why not a {@code LinkedHashMap}: a simulation under load keeps tens of thousands of these, and each map
 * entry is one more object the young collector copies and one more pointer a lookup chases. Here values sit in
 * a ring of arrays and the index is open addressing over primitive arrays (ring positions and key hashes), so
 * an entry costs no object of its own, the index holds no references, and a lookup of an absent key reads one
 * array. Keys are compared with {@code equals} only when their hashes match.
 *
 * <p>Not thread-safe: its owners hold their own lock. A key added while already present takes over the index
 * entry; the older value stays in the ring, unfindable.
 */
public final class KeyedRing<K, V> {
    private static final int FIRST_LENGTH = 16;

    private final int capacity;
    private Object[] keys;
    private Object[] values;
    private int[] hashes;   // each position's key hash, so evicting it reads no key object
    private int head;       // ring position of the oldest value
    private int size;
    /** Open-addressing index: ring position + 1, 0 for a free slot; {@code slotHashes} spares a key's dereference. */
    private int[] slots;
    private int[] slotHashes;

    public KeyedRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        allocate(Math.min(capacity, FIRST_LENGTH));
    }

    public int size() {
        return size;
    }

    /** The value added last with this key and still held, or null. */
    @SuppressWarnings("unchecked")
    public V find(K key) {
        int slot = slotOf(key, hash(key));
        return slot < 0 ? null : (V) values[slots[slot] - 1];
    }

    /**
     * Adds a value as the newest, indexed under {@code key} unless it is null. When the ring is full the oldest
     * value makes room and is returned; otherwise null.
     */
    @SuppressWarnings("unchecked")
    public V add(K key, V value) {
        V evicted = null;
        if (size == values.length) {
            if (values.length < capacity) {
                allocate((int) Math.min(capacity, 2L * values.length));
            } else {
                evicted = (V) values[head];
                unindex(head);
                keys[head] = null;
                values[head] = null;
                head = next(head);
                size--;
            }
        }
        int pos = (head + size) % values.length;
        keys[pos] = key;
        values[pos] = value;
        size++;
        if (key != null) {
            index(key, hash(key), pos);
        }
        return evicted;
    }

    /** The newest value, or null when empty. */
    @SuppressWarnings("unchecked")
    public V newest() {
        return size == 0 ? null : (V) values[(head + size - 1) % values.length];
    }

    /** Every value, oldest first. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (int i = 0, pos = head; i < size; i++, pos = next(pos)) {
            out.add((V) values[pos]);
        }
        return out;
    }

    public void clear() {
        size = 0;
        allocate(Math.min(capacity, FIRST_LENGTH));
    }

    private void index(Object key, int hash, int pos) {
        hashes[pos] = hash;
        int existing = slotOf(key, hash);
        if (existing >= 0) {
            slots[existing] = pos + 1;
            return;
        }
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = pos + 1;
        slotHashes[slot] = hash;
    }

    /** The index slot holding {@code key}, or -1. */
    private int slotOf(Object key, int hash) {
        if (key == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            if (slotHashes[slot] == hash) {
                Object k = keys[slots[slot] - 1];
                if (k == key || key.equals(k)) {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** Drops the index entry pointing at ring position {@code pos}, if any (backward-shift deletion). */
    private void unindex(int pos) {
        if (keys[pos] == null) {
            return;
        }
        int mask = slots.length - 1;
        int slot = hashes[pos] & mask;
        while (slots[slot] != 0 && slots[slot] != pos + 1) {
            slot = (slot + 1) & mask;
        }
        if (slots[slot] == 0) {
            return; // its key was taken over by a newer value
        }
        int hole = slot;
        for (int s = (hole + 1) & mask; slots[s] != 0; s = (s + 1) & mask) {
            int home = slotHashes[s] & mask;
            // Move s into the hole unless its home lies cyclically in (hole, s].
            boolean stays = hole <= s ? hole < home && home <= s : hole < home || home <= s;
            if (!stays) {
                slots[hole] = slots[s];
                slotHashes[hole] = slotHashes[s];
                hole = s;
            }
        }
        slots[hole] = 0;
    }

    /** Re-lays the ring oldest first into arrays of {@code length} and rebuilds the index at load ≤ 1/2. */
    private void allocate(int length) {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int oldHead = head;
        int oldSize = size;
        keys = new Object[length];
        values = new Object[length];
        hashes = new int[length];
        slots = new int[indexLength(length)];
        slotHashes = new int[slots.length];
        head = 0;
        size = 0;
        if (oldValues == null || oldSize == 0) {
            return;
        }
        for (int i = 0, pos = oldHead; i < oldSize; i++, pos = (pos + 1) % oldValues.length) {
            keys[i] = oldKeys[pos];
            values[i] = oldValues[pos];
            if (keys[i] != null) {
                index(keys[i], hash(keys[i]), i);
            }
        }
        size = oldSize;
    }

    /** The smallest power of two at least twice {@code length}. */
    private static int indexLength(int length) {
        int n = Integer.highestOneBit(Math.max(length, 2) - 1) << 2;
        return n <= 0 ? 1 << 30 : n;
    }

    private int next(int pos) {
        return pos + 1 == values.length ? 0 : pos + 1;
    }

    private static int hash(Object key) {
        if (key == null) {
            return 0;
        }
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }
}
