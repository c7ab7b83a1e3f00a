// The UI strings of clinician cards (<ck-clinician>, <ck-clinician-list>).
import type {Translations} from '../i18n/strings'

const en = {
  error: 'The clinician profile could not be loaded.',
  notFound: 'This clinician was not found.',
  noClinicians: 'No clinicians to show.',
  accepting: 'Accepting new patients',
  notAccepting: 'Not accepting new patients',
  book: 'Book an appointment',
  speaks: 'Speaks',
}

export type ClinicianStrings = typeof en

export const CLINICIAN_STRINGS: Translations<ClinicianStrings> = {
  en,
  es: {
    error: 'No se pudo cargar el perfil del profesional.',
    notFound: 'No se encontró este profesional.',
    noClinicians: 'No hay profesionales para mostrar.',
    accepting: 'Acepta pacientes nuevos',
    notAccepting: 'No acepta pacientes nuevos',
    book: 'Pedir una cita',
    speaks: 'Habla',
  },
}
