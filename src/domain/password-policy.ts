/**
 * What a password chosen by its owner must be: at least 12 characters, not one of the passwords
 * people pick most (in Indonesia too), and not the account's own email or NIP.
 */
export const MIN_PASSWORD_LENGTH = 12;

// Lower-case; compared with the whole password, and with it stripped of digits and symbols at its end.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123123123123",
  "111111111111",
  "000000000000",
  "password",
  "password123",
  "password1234",
  "passw0rd",
  "qwerty",
  "qwerty123456",
  "qwertyuiop",
  "qwertyuiop12",
  "asdfghjkl",
  "asdfghjkl123",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "zxcvbnm",
  "iloveyou",
  "letmein",
  "welcome",
  "admin",
  "administrator",
  "changeme",
  "rahasia",
  "katasandi",
  "sandi",
  "bismillah",
  "alhamdulillah",
  "indonesia",
  "indonesiaraya",
  "merdeka",
  "jakarta",
  "bandung",
  "surabaya",
  "sayang",
  "cintaku",
  "garuda",
  "pancasila",
  "pemda",
  "pemkab",
  "pemkot",
  "kabupaten",
  "integritas",
  "zonaintegritas",
  "wbk",
  "wbbm",
  "birokrasi",
  "aparatur",
  "pegawai",
  "asn",
  "pns",
  "inspektorat",
  "organisasi",
  "sekretariat",
  "bismillah123",
  "123456qwerty",
  "football",
  "monkey",
  "dragon",
  "master",
  "superman",
  "sunshine",
  "princess",
  "trustno1",
  "starwars",
  "shadow",
  "baseball",
  "michael",
  "whatever",
]);

export interface PasswordOwner {
  email: string;
  nip: string | null;
}

/** Why the password is refused, in Indonesian; null when it may be used. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`;
  if (password.length > 128) return "Kata sandi maksimal 128 karakter";
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, "").replace(/^[^a-z]+/, "");
  if (COMMON.has(lower) || COMMON.has(stem) || /^(.)\1+$/.test(password) || /^(?:0123456789|1234567890)+/.test(lower)) {
    return "Kata sandi ini terlalu umum; pilih yang lebih sulit ditebak";
  }
  const email = owner.email.toLowerCase();
  const local = email.split("@")[0];
  const nip = owner.nip?.replace(/\s+/g, "") ?? "";
  if (
    lower.includes(email) ||
    (local.length >= 4 && lower.includes(local)) ||
    (nip && password.replace(/\s+/g, "").includes(nip))
  ) {
    return "Kata sandi tidak boleh memuat email atau NIP Anda";
  }
  return null;
}
