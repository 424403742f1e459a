import type * as en from '../en/settings';
import type { Translation } from '../translation';

export const settings: Translation<typeof en.settings> = {
  title: 'Configuración',
  intro:
    'Motivos de deficiencia, plazo de respuesta, tamaño máximo de la evidencia y marca de los informes. Cada hallazgo conserva el motivo que se le asignó.',
  language: {
    legend: 'Idioma',
    hint: 'El idioma de las pantallas de la aplicación para usted en esta computadora. Los informes para un Socio siguen el idioma de correspondencia del Socio.',
  },
  saved: 'Configuración guardada.',
  savedAtHq: 'Configuración guardada en la sede central.',
  reasons: 'Motivos de deficiencia',
  reasonsHint: 'Para retirar un motivo, desmarque «En uso»; un motivo que usa algún hallazgo no se puede eliminar.',
  label: 'Descripción',
  code: 'Código',
  inUse: 'En uso',
  remove: 'Eliminar',
  labelOf: 'Descripción del motivo {{number}}',
  shownAs: 'Se muestra como «{{label}}»',
  codeOf: 'Código del motivo {{number}}',
  inUseOf: 'Motivo {{number}} en uso',
  removeReason: ' el motivo {{number}}',
  addReason: 'Agregar un motivo',
  responseDays: 'Días que tiene el Socio para responder a un hallazgo',
  responseDaysHint:
    'Los hallazgos nuevos vencen esta cantidad de días después del día en que se registran. Un informe ya aprobado conserva la fecha límite que fijó su aprobación.',
  maxEvidence: 'Archivo de evidencia más grande (MB)',
  marking: 'Marca en cada página de los informes',
  markingHint: 'Se imprime arriba y abajo de cada página de cada informe, en todos los formatos (p. ej., CUI).',
  save: 'Guardar configuración',
  errors: {
    codeFormat: 'Use mayúsculas, dígitos y _ (p. ej., SEAL_LOG_GAP).',
    labelMissing: 'Escriba una descripción para el motivo.',
    labelTooLong: 'Como máximo 120 caracteres.',
    daysMin: 'Al menos 1 día.',
    daysMax: 'Como máximo 365 días.',
    mbMin: 'Al menos 1 MB.',
    mbMax: 'Como máximo 500 MB.',
    notANumber: 'Escriba un número.',
    daysWhole: 'Un número entero de días.',
    duplicateCode: 'Dos motivos tienen el mismo código.',
    codeTaken: 'El motivo {{number}} también tiene este código.',
  },
  policy: {
    localHeading: 'Valores locales: esta computadora no está inscrita',
    pendingHeading: 'Definida por la sede central: aún no recibida',
    defaultsHeading: 'Definida por la sede central (versión 0: valores predeterminados, sin cambios)',
    heading: 'Definida por la sede central (versión {{version}})',
    headingUpdated: 'Definida por la sede central (versión {{version}}, actualizada el {{when}})',
    headingUpdatedBy: 'Definida por la sede central (versión {{version}}, actualizada el {{when}} por {{who}})',
    local:
      'Los motivos de deficiencia, el plazo de respuesta, el tamaño máximo de la evidencia y la marca de los informes que siguen se aplican solo a esta computadora. Una vez inscrita, los define la sede central.',
    pending:
      'Se aplican los valores de esta computadora hasta que la próxima sincronización traiga la política de la sede central.',
    canEdit:
      'Como supervisor, puede cambiarlos: al guardar se envían de inmediato a la sede central (debe estar disponible) y cada computadora inscrita los adopta en su próxima sincronización.',
    readOnly:
      'La sede central define los motivos de deficiencia, el plazo de respuesta, el tamaño máximo de la evidencia y la marca de los informes para todas las computadoras inscritas; solo un supervisor puede cambiarlos.',
    yes: 'Sí',
    retired: 'Retirado',
    largestFile: 'Archivo de evidencia más grande',
    days_one: '{{count}} día',
    days_many: '{{count}} días',
    days_other: '{{count}} días',
  },
};
