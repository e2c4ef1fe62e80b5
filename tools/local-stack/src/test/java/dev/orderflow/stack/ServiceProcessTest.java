package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void theServicesJvmOptionsAreAcceptedAndTakeEffectOnTheJdkThatRunsTheTests() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(ServiceProcess.NATIVE_HEAP_TRIM);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        String flags = run(command);

        assertThat(flags)
                .containsPattern("\\bUseSerialGC\\s+= true\\b")
                .containsPattern("\\bMaxHeapSize\\s+= 268435456\\b")
                .containsPattern("\\bMaxHeapFreeRatio\\s+= 30\\b")
                .containsPattern("\\bMetaspaceSize\\s+= 134217728\\b")
                .containsPattern("\\bNewSize\\s+= 25165824\\b")
                .containsPattern("\\bTrimNativeHeapInterval\\s+= 5000\\b");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
