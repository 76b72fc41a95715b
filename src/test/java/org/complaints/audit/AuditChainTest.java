package org.complaints.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hashes of the audit chain: every field counts, the payload only through its salted digest. */
class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");

    private final AuditChain plain = new AuditChain(null);

    private String leaf(AuditChain chain) {
        return chain.leaf(AT, "jdoe", 7L, "pi-1", "task.complete", "task-9", "digest");
    }

    @Test
    void hashesAreHexSha256AndRepeatable() {
        assertThat(leaf(plain)).matches("[0-9a-f]{64}").isEqualTo(leaf(new AuditChain("")));
        assertThat(plain.keyed()).isFalse();
        assertThat(AuditChain.GENESIS).hasSize(64).matches("0+");
        // no key: plain SHA-256 of the canonical text, so anyone can check it with standard tools
        assertThat(leaf(plain))
                .isEqualTo(AuditChain.sha256(String.join(
                        "\u001F",
                        Long.toString(AT.toEpochMilli()),
                        "jdoe",
                        "7",
                        "pi-1",
                        "task.complete",
                        "task-9",
                        "digest")));
    }

    @Test
    void everyFieldOfARowChangesItsLeaf() {
        String original = leaf(plain);
        assertThat(plain.leaf(AT.plusMillis(1), "jdoe", 7L, "pi-1", "task.complete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "mallory", 7L, "pi-1", "task.complete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", 8L, "pi-1", "task.complete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", null, "pi-1", "task.complete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", 7L, "pi-2", "task.complete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", 7L, "pi-1", "task.delete", "task-9", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", 7L, "pi-1", "task.complete", "task-8", "digest"))
                .isNotEqualTo(original);
        assertThat(plain.leaf(AT, "jdoe", 7L, "pi-1", "task.complete", "task-9", null))
                .isNotEqualTo(original);
        // a separator between fields: moving text from one field into the next is a change too
        assertThat(plain.leaf(AT, "jdoe", 7L, "pi-1", "task.complete", "task-9d", "igest"))
                .isNotEqualTo(original);
    }

    @Test
    void theLinkDependsOnThePreviousHashTheLeafTheSequenceAndTheRow() {
        String leaf = leaf(plain);
        String link = plain.link(AuditChain.GENESIS, leaf, 1, 42);
        assertThat(link).matches("[0-9a-f]{64}").isEqualTo(plain.link(AuditChain.GENESIS, leaf, 1, 42));
        assertThat(plain.link(link, leaf, 1, 42)).isNotEqualTo(link);
        assertThat(plain.link(AuditChain.GENESIS, leaf(new AuditChain("k")), 1, 42))
                .isNotEqualTo(link);
        assertThat(plain.link(AuditChain.GENESIS, leaf, 2, 42)).isNotEqualTo(link);
        assertThat(plain.link(AuditChain.GENESIS, leaf, 1, 43)).isNotEqualTo(link);
    }

    @Test
    void aChainRecomputedFromTheRowsMatchesOnlyWhileNoRowChanged() {
        String[] leaves = {
            leaf(plain),
            plain.leaf(AT, "system", null, "pi-1", "process.start", "complaint", null),
            plain.leaf(AT, "jdoe", 7L, null, "complaint.CLOSED", null, "d2")
        };
        String head = chainHead(leaves);
        assertThat(chainHead(leaves)).isEqualTo(head);
        leaves[1] = plain.leaf(AT, "system", null, "pi-1", "process.end", "complaint", null);
        assertThat(chainHead(leaves)).isNotEqualTo(head);
    }

    private String chainHead(String[] leaves) {
        String hash = AuditChain.GENESIS;
        for (int i = 0; i < leaves.length; i++) {
            hash = plain.link(hash, leaves[i], i + 1, 100 + i);
        }
        return hash;
    }

    @Test
    void withAKeyTheHashesAreAnHmacThatCannotBeRecomputedWithoutIt() {
        AuditChain keyed = new AuditChain("secret-key");
        assertThat(keyed.keyed()).isTrue();
        assertThat(leaf(keyed))
                .matches("[0-9a-f]{64}")
                .isEqualTo(leaf(new AuditChain("secret-key")))
                .isNotEqualTo(leaf(plain))
                .isNotEqualTo(leaf(new AuditChain("other-key")));
        assertThat(keyed.link(AuditChain.GENESIS, "leaf", 1, 1))
                .isNotEqualTo(plain.link(AuditChain.GENESIS, "leaf", 1, 1))
                .isNotEqualTo(new AuditChain("other-key").link(AuditChain.GENESIS, "leaf", 1, 1));
    }

    @Test
    void thePayloadDigestIsSaltedSoAnErasedPayloadCannotBeGuessedBack() {
        String payload = "{\"after\":{\"complainantName\":\"Jan de Vries\"}}";
        String digest = AuditChain.payloadDigest("00ff", payload);
        assertThat(digest)
                .matches("[0-9a-f]{64}")
                .isEqualTo(AuditChain.payloadDigest("00ff", payload))
                .isNotEqualTo(AuditChain.payloadDigest("01ff", payload))
                .isNotEqualTo(AuditChain.sha256(payload))
                .isNotEqualTo(AuditChain.payloadDigest("00ff", payload.replace("Jan", "Piet")));
    }
}
