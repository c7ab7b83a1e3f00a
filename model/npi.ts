// US National Provider Identifier: 10 digits whose last is a Luhn check digit computed with
// the card-issuer prefix 80840 in front of the first nine digits (CMS NPI standard).

export function isValidNpi(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false
  const digits = `80840${value.slice(0, 9)}`
  let sum = 0
  // Double every second digit counting from the right of the payload (the check digit's left).
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  const check = (10 - (sum % 10)) % 10
  return check === Number(value[9])
}
