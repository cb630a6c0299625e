package dev.commitstats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTests {

    @Test
    void isCreatedReadableByItsOwnerOnly(@TempDir Path tmp) throws Exception {
        DataDirectory dir = DataDirectory.open(tmp.resolve("a/b/data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
    }

    @Test
    void secondServerLockFailsWithAClearMessage(@TempDir Path tmp) {
        DataDirectory dir = DataDirectory.open(tmp.resolve("data"));
        try (DataDirectory.ServerLock ignored = dir.lockForServer()) {
            assertThatThrownBy(dir::lockForServer)
                    .isInstanceOf(DataDirectory.DataDirectoryException.class)
                    .hasMessageContaining("is locked: another Commit Stats server (pid " + ProcessHandle.current().pid() + ")");
        }
        try (DataDirectory.ServerLock again = dir.lockForServer()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void manyThreadsOpeningAMissingFolderAtOnceAllGetIt(@TempDir Path tmp) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path dir = tmp.resolve("data-" + round);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Path>> opened = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    opened.add(threads.submit(() -> {
                        start.await();
                        return DataDirectory.open(dir).path();
                    }));
                }
                for (java.util.concurrent.Future<Path> f : opened) {
                    assertThat(f.get()).isEqualTo(dir.toAbsolutePath().normalize());
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aFileInTheWayIsReported(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "x");
        assertThatThrownBy(() -> DataDirectory.open(file)).hasMessageContaining("exists but is not a folder");
    }
}
