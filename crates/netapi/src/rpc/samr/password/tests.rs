//! Known answers computed independently (impacket 0.13.1 with pycryptodome: `ntlm.compute_nthash`,
//! `crypto.SamEncryptNTLMHash`, `ARC4` keyed with `md5(salt + key)`), and RC4's published vector.

use super::*;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn rc4_matches_the_published_vector() {
    let mut data = *b"Plaintext";
    Rc4::new(b"Key").apply(&mut data);
    assert_eq!(hex(&data), "bbf316e8d940af0ad3");
}

#[test]
fn nt_owf_and_the_change_password_owf_match_impacket() {
    assert_eq!(
        hex(nt_owf("Old.Passw0rd").as_slice()),
        "80b4d51b2ecbc0bd628512d0b83e95f6"
    );
    let (enc, owf) =
        change_blobs("NetUserChangePassword", "Old.Passw0rd", "New.Passw0rd!").unwrap();
    assert_eq!(hex(&owf.data), "a15443d2bbeaa1c793dbe9268103c24b");
    // The new password decrypts with the old NT OWF, at the end of the buffer.
    let mut clear = enc.buffer;
    Rc4::new(nt_owf("Old.Passw0rd").as_slice()).apply(&mut clear);
    let pw: Vec<u8> = "New.Passw0rd!"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(&clear[512 - pw.len()..512], &pw[..]);
    assert_eq!(clear[512..], (pw.len() as u32).to_le_bytes());
}

#[test]
fn the_salted_buffer_matches_impacket_and_carries_its_salt() {
    let key: [u8; 16] = std::array::from_fn(|i| i as u8);
    let salt = [0xA5u8; 16];
    let enc = encrypt_new_with_salt("NetUserAdd", "New.Passw0rd!", &key, salt).unwrap();
    // The password and its length are the last 30 bytes of the clear buffer: their cipher text
    // depends on the key alone (the random filler before them does not matter).
    assert_eq!(
        hex(&enc.buffer[516 - 30..516]),
        "7b4cbabdb6e72e49f2c8157ca1b97a5440ab22c46115da37475aec33c94b"
    );
    assert_eq!(enc.buffer[516..], salt);
    // Two encryptions of the same password differ (random filler and salt).
    let a = encrypt_new("NetUserAdd", "x", &key).unwrap();
    let b = encrypt_new("NetUserAdd", "x", &key).unwrap();
    assert_ne!(a.buffer[..], b.buffer[..]);
}

#[test]
fn passwords_too_long_or_with_nul_are_refused_before_sending() {
    let key = [0u8; 16];
    assert!(encrypt_new("NetUserAdd", &"x".repeat(256), &key).is_ok());
    let e = encrypt_new("NetUserAdd", &"x".repeat(257), &key).unwrap_err();
    assert_eq!(
        (e.win32(), e.kind(), e.parm_err()),
        (87, Kind::Usage, Some(3))
    );
    assert!(change_blobs("NetUserChangePassword", "a", "b\0c").is_err());
}

#[test]
fn session_keys_are_cut_or_padded_to_16_bytes() {
    assert_eq!(*session_key16(&[7u8; 32]), [7u8; 16]);
    let k = session_key16(&[1, 2]);
    assert_eq!(k[..3], [1, 2, 0]);
}
