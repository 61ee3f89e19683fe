package io.leadproof.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the position a cursor carries so that a client can neither read nor change it, nor use it in another
 * workspace: AES-256-GCM, with the workspace id as associated data. A cursor used to be the base64 of its sort key and
 * row id — readable, and for the score history a sequence shared by all workspaces, which told one tenant how busy the
 * others were. Now a cursor is opaque, and one that was tampered with or issued in another workspace fails
 * authentication and is refused ({@code INVALID_CURSOR}).
 *
 * <p>The nonce is derived from the workspace and the position (HMAC-SHA-256), so the same position gives the same
 * cursor — responses stay comparable byte for byte — and distinct positions never share a nonce. The two keys are
 * derived from one secret ({@link CursorKeys}). Positions are padded to a multiple of {@value #BLOCK} bytes, so a
 * cursor's length does not tell how many digits a sequence has.
 */
public final class CursorSeal {

    private static final int NONCE = 12;
    private static final int BLOCK = 32;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec encryption;
    private final SecretKeySpec nonces;

    public CursorSeal(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a cursor secret has at least 32 bytes");
        }
        this.encryption = new SecretKeySpec(derive(secret, "leadproof cursor encryption"), "AES");
        this.nonces = new SecretKeySpec(derive(secret, "leadproof cursor nonce"), "HmacSHA256");
    }

    public String seal(String workspace, String position) {
        byte[] aad = aad(workspace);
        byte[] exact = position.getBytes(StandardCharsets.UTF_8);
        byte[] plain = Arrays.copyOf(exact, (exact.length / BLOCK + 1) * BLOCK); // NUL-padded: the length tells little
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonces);
            mac.update(aad);
            byte[] nonce = Arrays.copyOf(mac.doFinal(plain), NONCE);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The position, or null when the cursor is malformed, was changed, or belongs to another workspace. */
    public String open(String workspace, String cursor) {
        if (cursor == null || cursor.length() > 1024) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length <= NONCE + TAG_BITS / 8) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE));
            cipher.updateAAD(aad(workspace));
            byte[] plain = cipher.doFinal(raw, NONCE, raw.length - NONCE);
            int end = plain.length;
            while (end > 0 && plain[end - 1] == 0) {
                end--;
            }
            return new String(plain, 0, end, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] aad(String workspace) {
        return ("leadproof-cursor:" + workspace).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
