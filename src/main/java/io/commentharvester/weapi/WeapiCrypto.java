package io.commentharvester.weapi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The weapi request encryption of music.163.com's web client, with BouncyCastle's lightweight API.
 * <ol>
 *   <li>{@code inner = base64(AES-128-CBC-PKCS7(text, presetKey, iv))}</li>
 *   <li>{@code params = base64(AES-128-CBC-PKCS7(inner, secretKey, iv))}</li>
 *   <li>{@code encSecKey = hex(reverse(secretKey)^e mod n)}, textbook RSA, left-padded to 256 digits</li>
 * </ol>
 * Thread-safe: each thread reuses its own AES cipher and, with the default key supplier, its own random generator.
 */
public final class WeapiCrypto {

    public static final String PRESET_KEY = "0CoJUm6Qyw8W8jud";
    public static final String IV = "0102030405060708";
    public static final String NETEASE_RSA_MODULUS =
            "00e0b509f6259df8642dbc35662901477df22677ec152b5ff68ace615bb7b725152b3ab17a876aea8a5aa76d2e417629"
                    + "ec4ee341f56135fccf695280104e0312ecbda92557c93870114af6c9d05c4f7f0c3685b7a46bee255932575cce10b424d8"
                    + "13cfe4875d3e82047b97ddef52741d546b8e289dc6935b3ece0462db0a22b8e7";
    public static final String NETEASE_RSA_PUBLIC_EXPONENT = "010001";

    /** The alphabet of the per-request secret key. */
    public static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static final int KEY_LENGTH = 16;
    /** encSecKey is always sent as this many hex digits (one 1024-bit RSA block). */
    public static final int ENC_SEC_KEY_HEX_DIGITS = 256;

    private static final byte[] PRESET_KEY_BYTES = PRESET_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IV_BYTES = IV.getBytes(StandardCharsets.US_ASCII);
    /** Uniform draws from a byte: values below this (4 x 62) map to the alphabet by remainder, the rest are drawn again. */
    private static final int UNBIASED_BYTES = 256 / KEY_ALPHABET.length() * KEY_ALPHABET.length();

    /** One AES-CBC cipher per thread, initialised again for each use (a key schedule, no allocation). */
    private static final ThreadLocal<BufferedBlockCipher> CIPHERS = ThreadLocal.withInitial(() ->
            new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding()));
    /** One random generator per thread for the default key supplier: no lock shared by the workers. */
    private static final ThreadLocal<SecureRandom> RANDOMS = ThreadLocal.withInitial(SecureRandom::new);

    private final BigInteger modulus;
    private final BigInteger publicExponent;
    private final Supplier<String> secretKeys;

    public WeapiCrypto(String modulusHex, String publicExponentHex) {
        this(modulusHex, publicExponentHex, () -> randomKey(RANDOMS.get()));
    }

    public WeapiCrypto(String modulusHex, String publicExponentHex, Supplier<String> secretKeys) {
        this.modulus = parseHex(modulusHex, "RSA modulus");
        this.publicExponent = parseHex(publicExponentHex, "RSA public exponent");
        this.secretKeys = Objects.requireNonNull(secretKeys, "secretKeys");
        if (modulus.bitLength() > ENC_SEC_KEY_HEX_DIGITS * 4) {
            throw new IllegalArgumentException(
                    "RSA modulus is longer than 1024 bits: " + modulus.bitLength() + " bits");
        }
        if (modulus.bitLength() <= KEY_LENGTH * 8) {
            throw new IllegalArgumentException(
                    "RSA modulus is too short to hold a 16-byte key: " + modulus.bitLength() + " bits");
        }
    }

    /** The web client's constants. */
    public static WeapiCrypto netease() {
        return new WeapiCrypto(NETEASE_RSA_MODULUS, NETEASE_RSA_PUBLIC_EXPONENT);
    }

    /** Encrypts with a fresh secret key from the key supplier. */
    public WeapiForm encrypt(String text) {
        return encrypt(text, secretKeys.get());
    }

    /** Encrypts with the given secret key: deterministic, for reference vectors. */
    public WeapiForm encrypt(String text, String secretKey) {
        checkSecretKey(secretKey);
        String inner = aesCbcBase64(text.getBytes(StandardCharsets.UTF_8), PRESET_KEY_BYTES);
        String params =
                aesCbcBase64(inner.getBytes(StandardCharsets.US_ASCII), secretKey.getBytes(StandardCharsets.US_ASCII));
        return new WeapiForm(params, rsaEncryptReversed(secretKey));
    }

    /** {@code hex(reverse(secretKey)^e mod n)}, lowercase, zero-padded to 256 digits. */
    public String rsaEncryptReversed(String secretKey) {
        byte[] reversed = new StringBuilder(secretKey).reverse().toString().getBytes(StandardCharsets.US_ASCII);
        BigInteger m = new BigInteger(1, reversed);
        String hex = m.modPow(publicExponent, modulus).toString(16).toLowerCase(Locale.ROOT);
        return "0".repeat(ENC_SEC_KEY_HEX_DIGITS - hex.length()) + hex;
    }

    /** A supplier of 16-character keys from {@link #KEY_ALPHABET}, uniformly drawn. */
    public static Supplier<String> randomKeys(SecureRandom random) {
        return () -> randomKey(random);
    }

    /** 16 characters from {@link #KEY_ALPHABET}, uniformly drawn, from one call of the generator most of the time. */
    static String randomKey(SecureRandom random) {
        char[] key = new char[KEY_LENGTH];
        byte[] draws = new byte[2 * KEY_LENGTH];
        int length = 0;
        while (length < KEY_LENGTH) {
            random.nextBytes(draws);
            for (int i = 0; i < draws.length && length < KEY_LENGTH; i++) {
                int draw = draws[i] & 0xff;
                if (draw < UNBIASED_BYTES) {
                    key[length++] = KEY_ALPHABET.charAt(draw % KEY_ALPHABET.length());
                }
            }
        }
        return new String(key);
    }

    /** AES-128-CBC with PKCS#7 padding, then standard base64. */
    static String aesCbcBase64(byte[] plain, byte[] key) {
        return Base64.getEncoder().encodeToString(aesCbc(true, plain, key));
    }

    /** Reverses {@link #aesCbcBase64}; used by the sandbox and by tests. */
    public static byte[] aesCbcDecryptBase64(String base64, byte[] key) {
        return aesCbc(false, Base64.getDecoder().decode(base64), key);
    }

    /** The preset key's bytes, for a server that undoes the first layer. */
    public static byte[] presetKey() {
        return PRESET_KEY_BYTES.clone();
    }

    private static byte[] aesCbc(boolean encrypt, byte[] input, byte[] key) {
        BufferedBlockCipher cipher = CIPHERS.get();
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), IV_BYTES));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException(
                    "AES-CBC " + (encrypt ? "encryption" : "decryption") + " failed: " + e.getMessage(), e);
        }
        return length == out.length ? out : java.util.Arrays.copyOf(out, length);
    }

    private static void checkSecretKey(String secretKey) {
        if (secretKey == null || secretKey.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("weapi secret key must be " + KEY_LENGTH + " characters");
        }
        for (int i = 0; i < secretKey.length(); i++) {
            if (KEY_ALPHABET.indexOf(secretKey.charAt(i)) < 0) {
                throw new IllegalArgumentException("weapi secret key must use only [a-zA-Z0-9]");
            }
        }
    }

    private static BigInteger parseHex(String hex, String what) {
        if (hex == null || hex.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            BigInteger value = new BigInteger(hex.trim(), 16);
            if (value.signum() <= 0) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not hexadecimal");
        }
    }
}
