package io.commentharvester.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Locale;
import java.util.Properties;

import io.commentharvester.weapi.WeapiCrypto;

/**
 * The sandbox's 1024-bit RSA key and the server half of weapi: recovering the secret key from encSecKey
 * (textbook RSA) and undoing both AES layers.
 * <p>
 * Key file format: a properties file with the hex values {@code modulus}, {@code publicExponent} and
 * {@code privateExponent}.
 */
final class SandboxKey {

    static final int BITS = 1024;

    private final BigInteger modulus;
    private final BigInteger publicExponent;
    private final BigInteger privateExponent;
    /** The Chinese-remainder form of the private key (p, q, d mod p-1, d mod q-1, q^-1 mod p): 3 to 4 times faster. */
    private final BigInteger[] crt;

    SandboxKey(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent) {
        this.modulus = modulus;
        this.publicExponent = publicExponent;
        this.privateExponent = privateExponent;
        BigInteger probe = BigInteger.valueOf(0x5a17);
        if (modulus.bitLength() <= WeapiCrypto.KEY_LENGTH * 8
                || modulus.bitLength() > BITS
                || !probe.modPow(publicExponent, modulus)
                        .modPow(privateExponent, modulus)
                        .equals(probe)) {
            throw new IllegalArgumentException("not a usable RSA key of at most " + BITS + " bits");
        }
        this.crt = crt(modulus, publicExponent, privateExponent);
    }

    /**
     * The primes of the modulus, found from both exponents (the usual randomised method: e*d - 1 is a multiple of
     * the group order, so a square root of 1 other than +-1 shares a factor with n), and the CRT exponents; null
     * when none is found, and decryption then uses d directly.
     */
    private static BigInteger[] crt(BigInteger n, BigInteger e, BigInteger d) {
        BigInteger k = d.multiply(e).subtract(BigInteger.ONE);
        int twos = k.getLowestSetBit();
        BigInteger t = k.shiftRight(twos);
        for (int g = 2; g < 200; g++) {
            BigInteger x = BigInteger.valueOf(g).modPow(t, n);
            for (int i = 0; i < twos; i++) {
                BigInteger y = x.multiply(x).mod(n);
                if (y.equals(BigInteger.ONE) && !x.equals(BigInteger.ONE) && !x.equals(n.subtract(BigInteger.ONE))) {
                    BigInteger p = x.subtract(BigInteger.ONE).gcd(n);
                    BigInteger q = n.divide(p);
                    return new BigInteger[] {
                        p, q, d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)
                    };
                }
                x = y;
            }
        }
        return null;
    }

    private BigInteger privateOperation(BigInteger c) {
        if (crt == null) {
            return c.modPow(privateExponent, modulus);
        }
        BigInteger m1 = c.modPow(crt[2], crt[0]);
        BigInteger m2 = c.modPow(crt[3], crt[1]);
        BigInteger h = crt[4].multiply(m1.subtract(m2)).mod(crt[0]);
        return m2.add(h.multiply(crt[1]));
    }

    static SandboxKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(BITS, RSAKeyGenParameterSpec.F4));
            var pair = generator.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            RSAPrivateKey priv = (RSAPrivateKey) pair.getPrivate();
            return new SandboxKey(pub.getModulus(), pub.getPublicExponent(), priv.getPrivateExponent());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** Loads the key from {@code file}, or generates one and writes it there when the file does not exist. */
    static SandboxKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        SandboxKey key = generate();
        key.store(file);
        return key;
    }

    static SandboxKey load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return new SandboxKey(
                    hex(properties, "modulus", file),
                    hex(properties, "publicExponent", file),
                    hex(properties, "privateExponent", file));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad sandbox key file " + file + ": " + e.getMessage(), e);
        }
    }

    void store(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path temp = Files.createTempFile(
                absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write("# comment-harvester sandbox RSA key (weapi encSecKey), hex; for the sandbox only\n");
                writer.write("modulus=" + modulusHex() + "\n");
                writer.write("publicExponent=" + publicExponentHex() + "\n");
                writer.write("privateExponent=" + privateExponent.toString(16) + "\n");
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Lowercase hex without leading zeros. */
    String modulusHex() {
        return modulus.toString(16).toLowerCase(Locale.ROOT);
    }

    /** Even-length lowercase hex, "010001" for 65537. */
    String publicExponentHex() {
        String hex = publicExponent.toString(16).toLowerCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    /**
     * Undoes weapi: encSecKey to the 16-character secret key, then {@code params} through both AES layers.
     *
     * @return the request text (UTF-8 decoded)
     */
    String decrypt(String params, String encSecKey) throws BadRequestException {
        String secretKey = secretKey(encSecKey);
        if (params == null || params.isEmpty()) {
            throw new BadRequestException("params is missing");
        }
        byte[] innerBytes;
        try {
            innerBytes = WeapiCrypto.aesCbcDecryptBase64(params, secretKey.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            throw new BadRequestException("params did not decrypt with the secret key");
        }
        for (byte b : innerBytes) {
            if (b < 0x20 || b > 0x7e) {
                throw new BadRequestException("params did not decrypt to base64 text");
            }
        }
        byte[] text;
        try {
            text = WeapiCrypto.aesCbcDecryptBase64(
                    new String(innerBytes, StandardCharsets.US_ASCII), WeapiCrypto.presetKey());
        } catch (RuntimeException e) {
            throw new BadRequestException("params did not decrypt with the preset key");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the request text is not UTF-8");
        }
    }

    /** {@code reverse(bytes(encSecKey^d mod n))}; accepts the hex with or without its leading zeros. */
    String secretKey(String encSecKey) throws BadRequestException {
        if (encSecKey == null || encSecKey.isEmpty()) {
            throw new BadRequestException("encSecKey is missing");
        }
        if (encSecKey.length() > WeapiCrypto.ENC_SEC_KEY_HEX_DIGITS) {
            throw new BadRequestException("encSecKey is longer than " + WeapiCrypto.ENC_SEC_KEY_HEX_DIGITS + " digits");
        }
        for (int i = 0; i < encSecKey.length(); i++) {
            if (Character.digit(encSecKey.charAt(i), 16) < 0) {
                throw new BadRequestException("encSecKey is not hexadecimal");
            }
        }
        BigInteger c = new BigInteger(encSecKey, 16);
        if (c.compareTo(modulus) >= 0) {
            throw new BadRequestException("encSecKey is not below the RSA modulus");
        }
        byte[] m = privateOperation(c).toByteArray();
        int start = 0;
        while (start < m.length && m[start] == 0) {
            start++;
        }
        if (m.length - start != WeapiCrypto.KEY_LENGTH) {
            throw new BadRequestException("encSecKey does not hold a 16-byte secret key");
        }
        char[] key = new char[WeapiCrypto.KEY_LENGTH];
        for (int i = 0; i < key.length; i++) {
            int b = m[m.length - 1 - i] & 0xff;
            if (b < 0x21 || b > 0x7e) {
                throw new BadRequestException("encSecKey does not hold a printable secret key");
            }
            key[i] = (char) b;
        }
        return new String(key);
    }

    private static BigInteger hex(Properties properties, String name, Path file) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name + " in " + file);
        }
        try {
            return new BigInteger(value.trim(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not hexadecimal");
        }
    }
}
