package io.stampede.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 and its key as PEM files, which is what gRPC's TLS reads:
 * the JDK's keytool makes the pair (the JDK has no API to create certificates) and the test writes
 * both out of the key store.
 */
final class PemPair {
    private PemPair() {
    }

    static TlsFiles create(Path dir) throws Exception {
        Path store = dir.resolve("master.p12");
        String password = "changeit";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "master", "-keyalg", "EC",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        Path cert = dir.resolve("master.crt");
        Path key = dir.resolve("master.key");
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("master").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("master", password.toCharArray()).getEncoded()));
        return new TlsFiles(cert, key);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
