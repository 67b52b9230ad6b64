package io.github.awssim.core.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.internal.Crc64Nvme;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

class ChecksumsTest {

    @Test
    void crc64NvmeMatchesTheCatalogueCheckValue() {
        Crc64Nvme crc = new Crc64Nvme();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);
        // CRC-64/NVME in the CRC catalogue (reveng): check = 0xae8b14860a799888.
        assertThat(crc.getValue()).isEqualTo(0xae8b14860a799888L);
    }

    @Test
    void crc64NvmeIsTheSameWhateverTheChunking() {
        byte[] data = new byte[10_007];
        new Random(1).nextBytes(data);
        Crc64Nvme whole = new Crc64Nvme();
        whole.update(data, 0, data.length);
        Crc64Nvme pieces = new Crc64Nvme();
        for (int i = 0; i < data.length; i += 13) {
            pieces.update(data, i, Math.min(13, data.length - i));
        }
        Crc64Nvme bytes = new Crc64Nvme();
        for (byte b : data) {
            bytes.update(b);
        }
        assertThat(pieces.getValue()).isEqualTo(whole.getValue()).isEqualTo(bytes.getValue());
    }

    @Test
    void combiningPartCrcsGivesTheCrcOfTheWhole() {
        byte[] data = new byte[100_003];
        new Random(7).nextBytes(data);
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
            ChecksumAlgorithm.CRC64_NVME)) {
            int[] cuts = {0, 1, 4096, 65_537, 99_999, data.length};
            byte[] combined = crc(algorithm, Arrays.copyOfRange(data, cuts[0], cuts[1]));
            for (int i = 1; i < cuts.length - 1; i++) {
                byte[] part = Arrays.copyOfRange(data, cuts[i], cuts[i + 1]);
                combined = Checksums.combine(algorithm, combined, crc(algorithm, part), part.length);
            }
            assertThat(combined).as(algorithm.toString()).isEqualTo(crc(algorithm, data));
        }
    }

    @Test
    void compositeChecksumAndMultipartEtagCountTheParts() {
        byte[] a = crc(ChecksumAlgorithm.CRC32, new byte[] {1});
        byte[] b = crc(ChecksumAlgorithm.CRC32, new byte[] {2});
        assertThat(Checksums.composite(ChecksumAlgorithm.CRC32, List.of(a, b))).endsWith("-2");
        assertThat(Checksums.multipartEtag(List.of(new byte[16], new byte[16], new byte[16]))).matches("[0-9a-f]{32}-3");
    }

    @Test
    void compositeSha256MatchesTheValueS3Returned() {
        // floci-io/floci#3083: three parts uploaded to real S3, whose UploadPart answers gave these SHA256s,
        // completed as rVWt…ivc=-3 (COMPOSITE).
        List<byte[]> parts = List.of("lcKa6Boe7a167tUCN5C4OaFygGSYD8MBnBARTrdL+1w=",
                "gHjhbUT4oo2tSCtSZJdlKi+jeNXJT+VImqdPXsXvkOc=", "4l9PQ3zOPZ0oGFvknFX+J4zZwE4WMzO+l3r8XrbWOeM=").stream()
            .map(v -> Checksums.decode(ChecksumAlgorithm.SHA256, v)).toList();
        assertThat(Checksums.composite(ChecksumAlgorithm.SHA256, parts))
            .isEqualTo("rVWtNbadtsaKXJAcgWPWjifHzJaXde/iV4jaJAOdivc=-3");
    }

    private static byte[] crc(ChecksumAlgorithm algorithm, byte[] data) {
        Checksums.Running sum = Checksums.newChecksum(algorithm);
        sum.update(data, 0, data.length);
        return sum.getChecksumBytes();
    }
}
