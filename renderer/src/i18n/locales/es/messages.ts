import type { messages as en } from '../en/messages';
import type { Translation } from '../translation';

/** Messages from the main process, the shared rules and HQ, in Spanish; keys and {{placeholders}} as in English. */
export const messages: Translation<typeof en> = {
  completeness: {
    noSites: 'No hay instalaciones registradas para esta validación.',
    unanswered: '{{id}} no tiene resultado.',
    deficientWithoutFinding: '{{id}} es Deficiente, pero no tiene hallazgo.',
    findingWithoutReason: 'El hallazgo de {{id}} no tiene motivo de deficiencia.',
    findingWithoutDueDate: 'El hallazgo de {{id}} no tiene fecha límite de respuesta.',
    dueBeforeReport: '{{id}}: {{refusal, messages}}',
    recommendationSaysNothing: 'La Recomendación de {{id}} está vacía: describa qué podría mejorar el Socio.',
    findingWithoutDescription: 'El hallazgo de {{id}} no tiene descripción.',
    mustNotApplicableWithoutJustification: '{{id}} es un criterio de nivel Debe marcado No aplica sin justificación.',
    noVerificationMethod: '{{id}} no indica cómo se verificó.',
    virtualCompliantWithoutEvidence: '{{id}} está marcado Cumple en una validación virtual sin evidencia adjunta.',
    actionRequiredNotDeficient:
      '{{id}} tiene un hallazgo de Acción requerida, pero no está marcado Deficiente: márquelo Deficiente, convierta el hallazgo en Recomendación o elimínelo.',
    findingNotDeficient:
      '{{id}} tiene un hallazgo, pero no está marcado Deficiente: elimine el hallazgo o cambie el resultado.',
    actionRequiredOnShould:
      '{{id}} es un criterio de nivel Debería: si no está implementado, corresponde una Recomendación, no Acción requerida. Convierta el hallazgo en Recomendación.',
    recommendationOnResult:
      '{{id}} tiene una Recomendación, pero está marcado {{result, result}}: una Recomendación corresponde a un criterio que Cumple o a un criterio de nivel Debería marcado Deficiente. Elimínela o cambie el resultado.',
    recommendationOnDeficientMust:
      '{{id}} es un criterio de nivel Debe marcado Deficiente: su hallazgo es de Acción requerida (una Recomendación es un consejo que el Socio no está obligado a responder).',
    checklistMissing: '{{id}} está marcado Cumple, pero no se registró ninguna {{kinds, checklistsOr}}.',
    checklistUnrecorded:
      '{{id}}: la {{checklist, checklist}}{{label, quoted}} tiene {{missing}} de {{total}} puntos sin registrar ({{items, checklistItems}}).',
    checklistFailed_one:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó un punto ({{items, checklistItems}}). Cambie el resultado a Deficiente o escriba en la nota del punto con falla por qué {{id}} sigue cumpliendo.',
    checklistFailed_many:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó {{count}} puntos ({{items, checklistItems}}). Cambie el resultado a Deficiente o escriba en la nota de los puntos con falla por qué {{id}} sigue cumpliendo.',
    checklistFailed_other:
      '{{id}} está marcado Cumple, pero su {{checklist, checklist}}{{label, quoted}} no aprobó {{count}} puntos ({{items, checklistItems}}). Cambie el resultado a Deficiente o escriba en la nota de los puntos con falla por qué {{id}} sigue cumpliendo.',
    noSession:
      'No hay ninguna sesión virtual registrada: registre la plataforma, el inicio y el fin, y los participantes.',
    theSession: 'La sesión',
    numberedSession: 'La sesión {{n}} ({{platform}})',
    numberedSessionNoPlatform: 'La sesión {{n}} (sin plataforma)',
    sessionMissing: {
      platform: '{{session, messages}} no tiene plataforma registrada.',
      start: '{{session, messages}} no tiene inicio registrado.',
      end: '{{session, messages}} no tiene fin registrado.',
      platformStart: '{{session, messages}} no tiene plataforma ni inicio registrados.',
      platformEnd: '{{session, messages}} no tiene plataforma ni fin registrados.',
      startEnd: '{{session, messages}} no tiene inicio ni fin registrados.',
      platformStartEnd: '{{session, messages}} no tiene plataforma, inicio ni fin registrados.',
    },
    noParticipants: 'No hay participantes registrados en el registro de la sesión virtual.',
  },
  dueDate: {
    beforeReport:
      'La fecha límite de respuesta, {{due, date}}, es anterior a la fecha del informe: no se le puede pedir al Socio que responda antes de que se emita el informe, que tendrá fecha del {{earliest, date}} como mínimo. Elija el {{earliest, date}} o una fecha posterior.',
  },
  fields: {
    required: 'Este campo es obligatorio.',
    tooShort: 'Escriba al menos {{minimum}} caracteres.',
    tooLong: 'El límite es de {{maximum}} caracteres.',
    isoDate: 'Use una fecha con el formato AAAA-MM-DD',
    signName: 'Escriba su nombre completo para firmar',
    attestation: 'Confirme la declaración para enviar',
    reopenReason: 'Indique un motivo de al menos 10 caracteres',
    removalReason: 'Indique por qué se retira la evidencia',
    enrolmentCode: 'Escriba el código de inscripción que le dio la sede central',
    hqAddress: 'Escriba la dirección de la sede central, por ejemplo, https://ctpat-hq.cbp.example',
    endBeforeStart: 'El final del periodo es anterior a su inicio.',
    methodTwice: 'Un método de verificación aparece dos veces',
    nothingToChange: 'Envíe al menos un campo para cambiar',
    textNul: 'Este texto contiene un carácter NUL, que no se puede guardar.',
    textBroken: 'Este texto contiene un carácter dañado (un sustituto UTF-16 aislado), que no se puede guardar.',
    keyNul: 'Este texto tiene un nombre de campo con un carácter NUL, que no se puede guardar.',
    keyBroken:
      'Este texto tiene un nombre de campo con un carácter dañado (un sustituto UTF-16 aislado), que no se puede guardar.',
    memberStillNeeds: 'Indique qué debe hacer o enviar todavía el Socio (al menos 10 caracteres)',
    memberDid: 'Indique qué hizo o hará el Socio',
    proposeClassification: 'Proponga una clasificación: Acción requerida, Recomendación o Sin hallazgo',
    oneLine: 'Una sola línea de texto, sin caracteres de control.',
    atMost: 'Como máximo {{max}} caracteres.',
    platform: 'Indique la plataforma de video',
    siteName: 'Dé un nombre a la instalación',
    marking: 'Indique la marca que lleva cada página del informe (p. ej., CUI).',
    bestPractice: 'Describa la mejor práctica',
    extension: 'Una prórroga es de 30, 60, 90 o 120 días',
    reasonCodesUnique: 'Los códigos de motivo deben ser únicos',
    reasonCodeForm: 'Los códigos de motivo se escriben en MAYÚSCULAS_CON_GUIONES_BAJOS',
    criterionIdForm: 'Un ID de criterio tiene la forma 4.17: categoría de 1 a 12, un punto y un número',
    notesLimit: 'Las notas tienen un límite de {{max}} caracteres',
    returnComment: 'Indique qué debe corregir el SCSS o por qué no está conforme (al menos {{min}} caracteres)',
  },
  errors: {
    sentence: '{{reason, messages}}.',
    invalidRequest: 'La aplicación no pudo leer la solicitud {{channel}}: {{details}}',
    unreadableRequest:
      'La aplicación no pudo leer esta solicitud, así que no se envió nada. Vuelva a cargar la ventana e inténtelo de nuevo; si sigue ocurriendo, repórtelo.',
    assignment: {
      memberMissing: 'La asignación {{id}} menciona a un Socio que no existe.',
      notHere: 'Esa asignación no está en esta computadora. Sincronice con la sede central para actualizar la lista.',
      alreadyStarted: 'Esta asignación ya se inició; abra su validación desde la lista de Socios.',
      otherPerson:
        'Esta asignación se dio a otro SCSS, inscrito en esta computadora antes que usted. No se inició nada.',
      withdrawn: 'La sede central retiró esta asignación: {{name}} asignó el trabajo a otro SCSS. No se inició nada.',
      startedElsewhere:
        'Esta asignación ya se inició el {{at, localDate}} a las {{at, time}} en la computadora inscrita como «{{device}}». No se inició nada aquí; continúe la validación en esa computadora.',
    },
    validation: {
      notHere: 'La validación {{id}} no existe en esta computadora.',
      locked: 'Esta validación se envió y está bloqueada. Reábrala (con un motivo) para hacer cambios.',
      lockedReopen: 'Esta validación se envió y está bloqueada. Reábrala para hacer cambios.',
      memberNotHere: 'Esa empresa Socia no está en esta computadora. Actualice la lista de Socios.',
      memberMissing: 'La validación {{id}} menciona a un Socio que no existe.',
      noCriteria: 'El catálogo {{edition}} no tiene criterios para {{entityType, entityType}}.',
      notOnComputer: 'Esa validación no está en esta computadora; sincronice para recibirla de la sede central.',
      anotherPersons:
        'Esta validación es de {{name}}: se inició cuando esta computadora estaba inscrita como {{name}}. Puede leerla aquí; solo {{name}} puede cambiarla. No se guardó nada.',
    },
    catalog: {
      notInstalled: 'La edición del catálogo {{edition}} no está instalada en esta computadora.',
      noEdition:
        'Ningún catálogo de MSC instalado tiene todavía criterios para {{entityType, entityType}}. Sincronice con la sede central para recibir un catálogo más reciente.',
    },
    response: {
      notOnWorksheet:
        'El criterio {{criterionId}} no forma parte de la hoja de trabajo {{edition}} para {{entityType, entityType}}.',
      siteNotHere: 'Esa instalación no es una de las instalaciones de esta validación.',
    },
    findings: {
      criterionNotOnWorksheet: 'El criterio {{criterionId}} no está en la hoja de trabajo de esta validación.',
      unknownReason: '«{{reason}}» no es un motivo de deficiencia de Configuración.',
      retiredReason:
        '«{{reason}}» está retirado en Configuración; elija un motivo en uso o vuelva a ponerlo en uso primero.',
      nothingToRemove: 'El criterio {{criterionId}} no tiene ningún hallazgo que eliminar.',
      siteGone: 'Esa instalación no forma parte de esta validación (es posible que se haya eliminado).',
      siteAlreadyRemoved: 'Esa instalación ya se eliminó.',
      observationNotHere: 'Esa observación no forma parte de esta validación.',
      observationAlreadyRemoved: 'Esa observación ya se eliminó.',
    },
    evidence: {
      empty: 'No se adjuntó «{{fileName}}»: el archivo está vacío.',
      tooLarge: 'No se adjuntó «{{fileName}}»: mide {{size, fileSize}} y el límite es de {{limit, fileSize}}.',
      tooLargeExact:
        'No se adjuntó «{{fileName}}»: mide {{size, fileSizeExact}} y el límite es de {{limit, fileSize}}.',
      notAllowed:
        'No se adjuntó «{{fileName}}»: solo pueden ser evidencia fotos (JPEG, PNG, WEBP, GIF, HEIC) y documentos (PDF, Word .docx, Excel .xlsx, texto sin formato, CSV).',
      mismatch:
        'No se adjuntó «{{fileName}}»: su nombre termina en .{{extension}}, pero el archivo es {{actual, fileType}}. Adjunte el archivo original o corrija su nombre.',
      mismatchUnknown:
        'No se adjuntó «{{fileName}}»: su nombre termina en .{{extension}}, pero el archivo no es {{claimed, fileType}}. Adjunte el archivo original o corrija su nombre.',
      criterionNotOnWorksheet: 'El criterio {{criterionId}} no está en la hoja de trabajo de esta validación.',
      findingElsewhere: 'Ese hallazgo pertenece al criterio {{findingCriterion}}, no al {{criterionId}}.',
      findingGone: 'Ese hallazgo ya no forma parte de esta validación.',
      notIntact: 'No se adjuntó «{{fileName}}»: su contenido no llegó completo. Adjúntelo de nuevo.',
      choiceExpired: 'No se adjuntó «{{fileName}}»: vuelva a elegir el archivo (la selección venció).',
      moved: 'No se adjuntó «{{fileName}}»: ya no está donde se eligió.',
      notAttached: 'Esa evidencia no está adjunta a esta validación (es posible que se haya retirado).',
      noDialog: 'Aquí no hay un cuadro de diálogo de archivos del sistema; elija los archivos con el campo de archivo.',
    },
    inspection: {
      itemTwice: 'El punto «{{item, checklistItems}}» aparece dos veces en la {{checklist, checklist}}.',
      itemRefrigeratedOnly:
        'El punto «{{item, checklistItems}}» solo corresponde a contenedores refrigerados; esta {{checklist, checklist}} no está marcada como refrigerada.',
      itemNotPart: 'El punto «{{item, checklistItems}}» no forma parte de la {{checklist, checklist}}.',
      missingItems_one: 'A la {{checklist, checklist}} le falta el punto «{{items, checklistItems}}».',
      missingItems_many: 'A la {{checklist, checklist}} le faltan {{count}} puntos: {{items, checklistItems}}.',
      missingItems_other: 'A la {{checklist, checklist}} le faltan {{count}} puntos: {{items, checklistItems}}.',
      itemOrder:
        'Los puntos de la {{checklist, checklist}} deben seguir el orden de la lista: el punto {{position}} debe ser «{{expected, checklistItems}}», no «{{got, checklistItems}}».',
      criterionNotOnWorksheet:
        'El criterio {{criterionId}} no está en la hoja de trabajo de esta validación ({{edition}}).',
      noChecklist: 'El criterio {{criterionId}} no requiere una lista de inspección.',
      otherChecklist:
        'El criterio {{criterionId}} no requiere {{kind, checklistKind}}; requiere: {{kinds, checklistKinds}}.',
      refrigeratedContainersOnly: 'Solo las inspecciones de contenedor pueden marcarse como refrigeradas.',
      otherValidation: 'Esa inspección pertenece a otra validación.',
      removed: 'Esa inspección se eliminó; agregue una nueva para registrarla otra vez.',
      fixed:
        'Esa inspección es una {{kind, checklistKind}} en {{criterionId}}; su criterio y su tipo no pueden cambiar.',
      notRecorded: 'Esa inspección no está registrada en esta validación (es posible que ya se haya eliminado).',
      inPerson:
        'Esta es una validación presencial; el registro de sesión virtual solo corresponde a validaciones virtuales.',
      endBeforeStart: 'El fin de la sesión es anterior a su inicio; revise la hora de fin.',
      receivedBeforeRequested:
        'El documento {{n}} («{{title}}») figura como recibido ({{received, date}}) antes de haberse solicitado ({{requested, date}}).',
      segmentCriteria_one:
        'El tramo del recorrido {{n}} («{{area}}») menciona el criterio {{criteria}}, que no está en la hoja de trabajo de esta validación.',
      segmentCriteria_many:
        'El tramo del recorrido {{n}} («{{area}}») menciona los criterios {{criteria}}, que no están en la hoja de trabajo de esta validación.',
      segmentCriteria_other:
        'El tramo del recorrido {{n}} («{{area}}») menciona los criterios {{criteria}}, que no están en la hoja de trabajo de esta validación.',
      sessionElsewhere: 'Ese registro de sesión pertenece a otra validación.',
    },
    submission: {
      alreadySubmitted: 'Esta validación ya se envió el {{at, localDate}}.',
      incomplete_one:
        'La validación no está completa: hay {{count}} problema por corregir ({{first, messages}}{{more}}). No se envió nada.',
      incomplete_many:
        'La validación no está completa: hay {{count}} problemas por corregir ({{first, messages}}{{more}}). No se envió nada.',
      incomplete_other:
        'La validación no está completa: hay {{count}} problemas por corregir ({{first, messages}}{{more}}). No se envió nada.',
      notSubmitted: 'Solo se puede reabrir una validación enviada; esta sigue abierta a cambios.',
      cannotReopen: 'Esta validación está en estado «{{state, workflowState}}»: ya no se puede reabrir.',
    },
    review: {
      notInList: 'Esa validación no está en su lista de revisión; sincronice para recibirla de la sede central.',
      reviewersOnly: 'Solo un revisor o un supervisor de la oficina regional puede registrar decisiones de revisión.',
      otherOffice: 'Esta validación pertenece a otra oficina regional.',
      reopened: 'Solo se puede revisar una validación enviada; su SCSS reabrió esta.',
      notInReview:
        'Las decisiones de revisión se toman mientras la validación está enviada o en revisión; su estado es «{{state, workflowState}}».',
      findingNotAtHq: 'Ese hallazgo no forma parte de esta validación tal como la tiene la sede central.',
    },
    workflow: {
      notApproved: 'Solo una validación aprobada, con su fecha de informe, puede tener su informe emitido.',
      noFingerprint:
        'Esta validación no tiene la huella digital de su contenido para emitir el informe; sincronice primero.',
    },
    notEnrolled: {
      reviewDecision:
        'Esta computadora no está inscrita en la sede central, así que nadie puede registrar aquí una decisión de revisión todavía: inscríbala primero en Configuración.',
      memberResponse:
        'Esta computadora no está inscrita en la sede central, así que nadie puede registrar aquí una respuesta del Socio todavía: inscríbala primero en Configuración.',
      workflow:
        'Esta computadora no está inscrita en la sede central, así que nadie puede {{event, workflowEvent}} aquí todavía: inscríbala primero en Configuración.',
    },
    memberResponse: {
      onOwnComputer:
        'Las respuestas de los Socios las registra el SCSS que realizó la validación, en su propia computadora.',
      scssOnly: 'Solo el SCSS que realizó la validación registra las respuestas de los Socios.',
      otherScss: 'Esta validación pertenece a otro SCSS.',
      notOpen:
        'Las respuestas de los Socios se registran desde que se emite el informe hasta que la validación se cierra; su estado es «{{state, workflowState}}».',
      findingNotHere: 'Ese hallazgo no forma parte de esta validación.',
      receivedInFuture: 'Una respuesta no puede haberse recibido después de hoy.',
      receivedBeforeIssue:
        'Una respuesta no puede haberse recibido antes de que se emitiera el informe el {{issuedOn, date}}. Elija el {{issuedOn, date}} o una fecha posterior.',
      attachFirst: 'Adjunte los archivos del Socio a esta validación antes de incluirlos en la lista.',
      notHere: 'Esa respuesta del Socio no forma parte de esta validación.',
      staysWithFinding: 'Una respuesta se queda con el hallazgo al que responde.',
      assessedNoChange:
        'Esta respuesta ya se evaluó y no puede cambiarse; registre la siguiente respuesta del Socio como una nueva.',
      alreadyAssessed: 'Esta respuesta ya se evaluó; registre la siguiente respuesta del Socio.',
    },
    settings: {
      policyAtHqSupervisor:
        'La sede central define los motivos de deficiencia, los días de respuesta, el tamaño máximo de la evidencia y la marca de los informes: guárdelos cuando la sede central esté disponible.',
      policyAtHq:
        'La sede central define los motivos de deficiencia, los días de respuesta, el tamaño máximo de la evidencia y la marca de los informes de las computadoras inscritas; solo un supervisor puede cambiarlos.',
      reasonInUse:
        'El motivo de deficiencia {{codes}} se usa en hallazgos; márquelo como inactivo en lugar de eliminarlo.',
      notEnrolled: 'Esta computadora no está inscrita en la sede central: inscríbala primero en Configuración.',
      policyStale:
        'No se guardó nada: la política de la sede central cambió desde la última vez que esta computadora la recibió (ahora es la versión {{version}}). El formulario muestra la política actual de la sede central; vuelva a hacer su cambio.',
      policyStaleBy:
        'No se guardó nada: la política de la sede central cambió desde la última vez que esta computadora la recibió (ahora es la versión {{version}}, definida por {{by}}). El formulario muestra la política actual de la sede central; vuelva a hacer su cambio.',
      hqUnreachable:
        'No se guardó nada: {{detail, messages}} La política reside en la sede central: guarde de nuevo cuando esta computadora tenga conexión.',
      hqRefusedComputer: 'No se guardó nada: la sede central ya no acepta esta computadora. Inscríbala de nuevo.',
      hqRefused: 'No se guardó nada: {{detail, messages}}.',
    },
    sync: {
      hqUnreachable: 'No se pudo conectar con la sede central en {{url}}. Revise la dirección y la red.',
      codeRefused: 'La sede central no aceptó ese código de inscripción (puede estar mal escrito, ya usado o vencido).',
      othersWorkWaiting:
        'Esta computadora sigue inscrita a nombre de {{name}}: guarda trabajo suyo que la sede central aún no recibió (cambios o archivos pendientes: {{waiting}}), y llegaría a la sede central a nombre de {{newName}}. Sincronice primero como {{name}} (y resuelva los cambios rechazados), y después inscriba de nuevo a {{newName}}; el mismo código sirve hasta que venza.',
      unreadableOthersWork:
        'Esta computadora no está inscrita y guarda trabajo de {{name}} que la sede central aún no recibió (cambios o archivos pendientes: {{waiting}}), que llegaría a la sede central a nombre de {{newName}}. Inscríbala con un nuevo código para {{name}} para enviar ese trabajo; el código de {{newName}} sirve hasta que venza.',
      othersWorkSavedMeanwhile:
        'Esta computadora sigue inscrita a nombre de {{name}}: se guardó trabajo suyo mientras se inscribía como {{newName}} (cambios o archivos en espera: {{waiting}}), y llegaría a la sede central a nombre de {{newName}}. La sede central ya usó el código de {{newName}} y cerró la inscripción de esta computadora como {{name}}, así que el trabajo queda aquí hasta que {{name}} la inscriba de nuevo con un código nuevo y sincronice; después {{newName}} necesitará también un código nuevo.',
      othersWorkHandBackLater:
        'Esta computadora sigue inscrita a nombre de {{name}}: se guardó trabajo suyo mientras se inscribía como {{newName}} (cambios o archivos en espera: {{waiting}}), y llegaría a la sede central a nombre de {{newName}}. La sede central ya usó el código de {{newName}} y cerró la inscripción de esta computadora como {{name}}, y no se le pudo pedir ahora que lo deshaga. Esta computadora lo pide de nuevo en cada sincronización: cuando la sede central lo deshaga, el trabajo de {{name}} llegará a la sede central y el código de {{newName}} volverá a servir hasta que venza. Si el código vence antes, {{name}} necesitará un código nuevo para enviar el trabajo, y {{newName}} también.',
      tooManyCodes:
        'La sede central rechazó demasiados códigos de inscripción desde aquí; inténtelo de nuevo en {{minutes}} min.',
      hqAnswered: 'La sede central respondió {{status}}; inténtelo de nuevo más tarde.',
      notHq:
        'El servidor en {{url}} respondió, pero no como la sede central de CTPAT: revise la dirección. En una red Wi-Fi de hotel o de invitados, inicie sesión en la red primero.',
      notEnrolled: 'Esta computadora todavía no está inscrita en la sede central: inscríbala en Configuración.',
      changeRefused: 'No se guardó nada: la sede central no aceptaría este cambio ({{entity}}: {{reason}}).',
      changeGone: 'Ese cambio ya no está en espera: es posible que ya se haya enviado o atendido.',
      changeQueued: 'La sede central no rechazó ese cambio; sigue en la cola de envío.',
      fileGone: 'Ese archivo ya no está en espera: es posible que ya se haya enviado o atendido.',
    },
    analytics: {
      notEnrolled:
        'Esta computadora todavía no está inscrita en la sede central: inscríbala en Configuración para ver las cifras de la sede central.',
      hqUnreachable:
        'No se pudo conectar con la sede central, así que sus cifras no pueden mostrarse ahora. Las cifras de esta computadora funcionan sin conexión.',
      hqRefusedComputer: 'La sede central ya no acepta esta computadora: inscríbala de nuevo en Configuración.',
      hqRefused: 'La sede central rechazó la solicitud: {{detail}}',
      hqBusy: 'La sede central no pudo responder en este momento; inténtelo de nuevo en unos minutos.',
    },
    reports: {
      exportRunning: 'Ya se está generando otra exportación; espere a que termine o cancélela.',
      notMade: 'No se pudo generar {{what}}: {{detail}}',
      noneMatch: 'Ninguna validación de esta computadora coincide con esos filtros; no se guardó nada.',
      copyUnreadable:
        'No se puede leer la copia de esta validación que envió la sede central; sincronice de nuevo antes de generar un informe.',
    },
    auditChain: {
      wholeStore:
        'Todas las validaciones de esta computadora son de solo lectura porque la bitácora de auditoría se modificó fuera de la aplicación (entrada n.º {{seq}} de la bitácora) de una forma que no se puede atribuir a una sola validación; el cambio no se guardó. Comuníquese con su oficina regional antes de hacer cualquier otra cosa con ella. No vuelva a capturar los datos, ni aquí ni en otra computadora.',
      validation:
        'Esta validación es de solo lectura porque su bitácora de auditoría en esta computadora se modificó fuera de la aplicación (entrada n.º {{seq}} de la bitácora); el cambio no se guardó. Comuníquese con su oficina regional antes de hacer cualquier otra cosa con ella. No vuelva a capturar los datos, ni aquí ni en otra computadora.',
    },
    internal: 'Algo falló en esta computadora y no se guardó nada. Inténtelo de nuevo; si sigue ocurriendo, repórtelo.',
  },
  store: {
    diskFull:
      'El disco de esta computadora está lleno, así que no se guardó nada. Libere espacio (vacíe la Papelera de reciclaje, mueva archivos grandes a otro lugar) e inténtelo de nuevo.',
    readOnly:
      'CTPAT Validator no puede escribir en su carpeta de datos ni en su base de datos (o la unidad es de solo lectura o está desconectada), así que no se guardó nada. Verifique que su cuenta pueda escribir en la carpeta de datos y en sus archivos, o inicie la aplicación con una carpeta de datos en la que pueda escribir (--data-dir o CTPAT_DATA_DIR); después inténtelo de nuevo.',
    locked:
      'Otro programa está usando la base de datos, muy probablemente una segunda copia de CTPAT Validator, así que no se guardó nada. Cierre la otra copia de CTPAT Validator e inténtelo de nuevo.',
    corrupt:
      'La base de datos de la carpeta de datos está dañada, así que no se guardó nada. No borre ni modifique la carpeta de datos. Restáurela desde su copia de seguridad más reciente o comuníquese con soporte técnico con la carpeta para recuperar lo que contiene.',
  },
  lifecycle: {
    notEnrolled: 'Esta computadora no está inscrita en la sede central',
    scssOnly: 'Solo el SCSS que realizó la validación puede hacer esto',
    otherScss: 'Esta validación pertenece a otro SCSS',
    reviewersOnly: 'Solo un revisor o un supervisor de la oficina regional puede hacer esto',
    otherOffice: 'Esta validación pertenece a otra oficina regional',
    supervisorsOnly: 'Solo un supervisor de la oficina regional puede hacer esto',
    ownValidation: 'Un supervisor no puede aprobar ni emitir una validación que realizó',
    returnComment: 'Indique qué debe corregir el SCSS (al menos {{min}} caracteres)',
    notConcurred_one:
      '{{count}} hallazgo todavía no tiene una decisión de revisión de conformidad; cada hallazgo necesita una antes de la aprobación',
    notConcurred_many:
      '{{count}} hallazgos todavía no tienen una decisión de revisión de conformidad; cada hallazgo necesita una antes de la aprobación',
    notConcurred_other:
      '{{count}} hallazgos todavía no tienen una decisión de revisión de conformidad; cada hallazgo necesita una antes de la aprobación',
    notResolved_one:
      '{{count}} hallazgo de Acción requerida no está resuelto (todavía no hay una respuesta aceptada del Socio)',
    notResolved_many:
      '{{count}} hallazgos de Acción requerida no están resueltos (todavía no hay una respuesta aceptada del Socio)',
    notResolved_other:
      '{{count}} hallazgos de Acción requerida no están resueltos (todavía no hay una respuesta aceptada del Socio)',
    wrongState:
      '«{{event, workflowEventName}}» no es posible mientras la validación está en estado «{{state, workflowState}}»',
  },
  hqRefusal: {
    stale: 'La sede central tiene una versión más reciente de {{label, messages}}; vuelva a cargarla antes de editar.',
    staleVersion:
      'La sede central tiene una versión más reciente de {{label, messages}} (versión {{version}}); vuelva a cargarla antes de editar.',
    staleReview:
      'La sede central tiene una versión más reciente de {{label, messages}} (versión {{version}}: {{decision, reviewDecision}}, de {{by}}); vuelva a cargarla antes de editar.',
    conflict:
      'La sede central rechazó {{label, messages}} porque contradice lo que ya tiene registrado. No se cambió nada en la sede central.',
    conflictSaying:
      'La sede central rechazó {{label, messages}} porque contradice lo que ya tiene registrado (sede central: {{hq, messages}}). No se cambió nada en la sede central.',
    forbidden: 'La sede central rechazó {{label, messages}}: su cuenta no puede modificarlo.',
    forbiddenSaying:
      'La sede central rechazó {{label, messages}}: su cuenta no puede modificarlo (sede central: {{hq, messages}}).',
    invalid: 'La sede central no pudo aceptar {{label, messages}}: los datos no tenían la forma que espera.',
    invalidSaying: 'La sede central no pudo aceptar {{label, messages}}: {{hq, messages}}.',
    other: 'La sede central respondió {{outcome}} para {{label, messages}}.',
    label: {
      validation: 'esta validación',
      criterion_response: 'esta respuesta',
      site: 'esta instalación',
      finding: 'este hallazgo',
      observation: 'esta observación',
      evidence: 'este registro de evidencia',
      inspection_checklist: 'esta lista de inspección',
      virtual_session: 'este registro de sesión virtual',
      finding_review: 'esta revisión',
      workflow_event: 'este paso del flujo de trabajo',
      member_response: 'esta respuesta del Socio',
      START_REVIEW: 'el inicio de esta revisión',
      RETURN: 'esta devolución para corrección',
      APPROVE: 'esta aprobación',
      ISSUE_REPORT: 'esta emisión del informe',
      CLOSE: 'este cierre',
      findingOn: 'el hallazgo de {{id}}',
      answerTo: 'la respuesta de {{id}}',
    },
  },
  unsavedWork: {
    title: 'Cambios que todavía se están guardando',
    message: 'Algunos de sus cambios todavía se están guardando.',
    detail: 'Espere un momento para que se guarden. Si cierra ahora, se perderán los cambios que aún no se guardaron.',
    stay: 'Esperar a que se guarden',
    closeAnyway: 'Cerrar de todos modos',
  },
  hqReason: {
    tokenRefused: 'Inscriba de nuevo este dispositivo: su token falta, es desconocido o fue revocado',
    codeRefused: 'Este código de inscripción es desconocido, ya se usó o venció',
    tooManyCodes:
      'Se rechazaron demasiados códigos de inscripción desde esta dirección; inténtelo de nuevo en {{minutes}} min',
    codeOfAnotherPerson:
      'Este código de inscripción es de {{name}}, y esta computadora guarda trabajo de otra persona aún no enviado; el código no se usó',
    enrolmentNotUndoable:
      'Esta inscripción no se puede deshacer: el código no inscribió este dispositivo, venció o el dispositivo ya envió trabajo',
    tooManyCodesFromLaptop:
      'Se rechazaron demasiados códigos de inscripción desde esta computadora; verifique el código con la sede central e inténtelo de nuevo en {{minutes}} min',
    badCursor:
      'cursor: no es uno que haya emitido la sede central; vuelva a descargar sin cursor para empezar de nuevo',
    validationIdUuid: 'El identificador de la validación debe ser un UUID',
    noSuchValidation: 'La sede central no tiene esa validación',
    outsideScope: 'Esta validación está fuera de su alcance',
    field: '{{field}}: {{problem, messages}}',
    entityNotTaken: 'entity: la sede central no acepta cambios de «{{entity}}»',
    operationNotTaken: 'operation: un registro {{entity}} acepta {{operations}}, no {{operation}}',
    entityId: 'entityId: debe ser {{expected}} para este registro {{entity}}',
    scssOwnsContent: 'Solo el SCSS a quien pertenece una validación puede cambiar su contenido',
    alreadyAtHq: 'Esta validación ya existe en la sede central',
    pushCreateFirst: 'La sede central no tiene la validación {{id}}; envíe primero el cambio que la crea',
    noValidation: 'La sede central no tiene la validación {{id}}',
    immutable: 'una validación enviada no se puede modificar',
    immutableNow: 'una validación enviada no se puede modificar: esta está en estado «{{state, workflowState}}»',
    eventIdHeld:
      'La sede central ya tiene un paso del flujo de trabajo {{id}}; envíe de nuevo el {{operation}} con un nuevo identificador de cambio',
    contentDiffers:
      'La sede central tiene un contenido distinto para esta validación: la huella digital de lo que tiene es {{held}}…, la firmada es {{signed}}…. Envíe los cambios que le faltan a la sede central (o reabra la validación) y luego envíela de nuevo',
    submitNotEvent: 'kind: SUBMIT viaja como el envío de la validación, no como un paso del flujo de trabajo',
    withdrawNotEvent: 'kind: WITHDRAW viaja como la reapertura de la validación, no como un paso del flujo de trabajo',
    eventNamesSomeoneElse: 'El paso nombra a otra persona que la inscrita ({{name}}, {{role, role}})',
    assessmentNamesSomeoneElse: 'La evaluación nombra a otra persona que la inscrita ({{name}}, {{role, role}})',
    reviewNamesSomeoneElse: 'La revisión nombra a otra persona que la inscrita ({{name}}, {{role, role}})',
    stepTaken: 'La sede central ya tiene el paso del flujo de trabajo {{id}}; un paso no se cambia una vez dado',
    otherValidation: 'Este registro pertenece a otra validación',
    staleVersion: 'La sede central tiene la versión {{held}}; esta modificación se hizo sobre la versión {{base}}',
    validationUnreadable: 'La sede central no puede leer el registro de la validación que tiene',
    recordUnreadable: 'La sede central no puede leer un registro {{entity}} que tiene de esta validación',
    changeIdReused: 'Este identificador de cambio ya se usó para un contenido distinto',
    reportDateOnlyApproval: 'reportDate: solo una aprobación indica la fecha del informe',
    fingerprintOnlyIssue: 'reportSha256: solo un informe emitido lleva su huella digital',
    approvalNeedsReportDate: 'reportDate: una aprobación indica la fecha del informe',
    reportDateAfterApproval: 'reportDate: {{reportDate}} es posterior a la aprobación ({{approvedOn}})',
    reportDateBeforeSubmit: 'reportDate: {{reportDate}} es anterior al envío de la validación ({{submittedOn}})',
    receivedBeforeIssue: 'receivedOn: {{receivedOn}} es anterior a la emisión del informe ({{issuedOn}})',
    responseDueOnlyApproval: 'responseDueDate: solo una aprobación fija la fecha límite de respuesta',
    responseDueNotInPolicy:
      'responseDueDate: {{due}} está a {{days}} días de la fecha del informe; la política de la sede central ha dado al Socio {{periods}} días',
    issueNeedsFingerprint: 'reportSha256: un informe emitido lleva su huella digital',
    reportFingerprintDiffers:
      'La huella digital del informe {{sent}}… no coincide con la validación, los hallazgos, las decisiones y la fecha del informe que tiene la sede central ({{held}}…)',
    reportFingerprintNone:
      'La huella digital del informe {{sent}}… no coincide con la validación, los hallazgos, las decisiones y la fecha del informe que tiene la sede central (ninguna)',
    responsesScssOnly: 'Solo el SCSS que realizó la validación registra las respuestas del Socio',
    responsesNotOpen:
      'Las respuestas del Socio se registran solo mientras el informe emitido las espera; esta validación está en estado «{{state, workflowState}}»',
    noSuchFinding: 'La sede central no tiene ese hallazgo en esta validación',
    incomplete_one:
      'La sede central encuentra incompleta esta hoja de trabajo en lo que tiene: hay {{count}} problema por corregir ({{first, messages}}{{more}}). Reabra la validación, corríjalo y envíela de nuevo',
    incomplete_many:
      'La sede central encuentra incompleta esta hoja de trabajo en lo que tiene: hay {{count}} problemas por corregir ({{first, messages}}{{more}}). Reabra la validación, corríjalos y envíela de nuevo',
    incomplete_other:
      'La sede central encuentra incompleta esta hoja de trabajo en lo que tiene: hay {{count}} problemas por corregir ({{first, messages}}{{more}}). Reabra la validación, corríjalos y envíela de nuevo',
    unknownEdition:
      'La sede central no tiene la edición del catálogo {{edition}} (conoce las ediciones incluidas en la aplicación y las que ha publicado)',
    timeAheadOfHq:
      '{{field}}: {{value}} es más de un día posterior al reloj de la sede central ({{hqNow}}). Compruebe la fecha y la hora de esta computadora y envíelo de nuevo',
    findingChangedSinceDecision:
      'findingVersion: esta decisión se tomó sobre la versión {{decided}} del hallazgo, pero el SCSS lo ha cambiado desde entonces (la sede central tiene la versión {{held}}). Lea el hallazgo de nuevo y decida sobre él tal como está ahora',
    reviewersOnly: 'Solo un revisor o un supervisor de la oficina regional puede revisar hallazgos',
    reviewNotOpen:
      'Los hallazgos se revisan solo mientras la validación está enviada o en revisión; esta está en estado «{{state, workflowState}}»',
    reviewComment:
      'Comentario: indique qué debe corregir el SCSS o por qué no está conforme (al menos {{min}} caracteres)',
    nonConcurProposes: 'Clasificación propuesta: una no conformidad propone una clasificación',
    onlyNonConcurProposes: 'Clasificación propuesta: solo una no conformidad propone una clasificación',
    policySupervisorOnly:
      'Solo un supervisor puede cambiar la política que la sede central fija para todas las computadoras',
    reasonInUse:
      'El motivo de deficiencia {{codes}} lo usan hallazgos en la sede central; márquelo como inactivo en lugar de eliminarlo',
    policyStale: 'La política de la sede central cambió desde la versión {{base}}: ahora es la versión {{current}}',
    uploadNeedsSha256: 'Nombre el archivo por su SHA-256 en Upload-Metadata (clave «sha256»)',
    uploadNeedsLength: 'Declare el tamaño del archivo (Upload-Length) al crear la carga',
    fileNeedsSha256: 'Nombre el archivo por su SHA-256',
    noSuchAssignment: 'assignmentId: la sede central no tiene ninguna asignación {{id}} suya',
    assignmentStarted:
      'Esta asignación ya se inició el {{at, localDate}} a las {{at, time}} en la computadora inscrita como «{{device}}», y la sede central tiene esa validación. Continúe el trabajo en esa computadora; la sede central acepta una sola validación por asignación',
    assignmentWithdrawn:
      'La sede central retiró esta asignación el {{at, localDate}}: {{name}} asignó el trabajo a otro SCSS, por lo que la sede central no acepta ninguna validación iniciada desde ella aquí',
  },
  dashboardScope: {
    computer: 'Sus validaciones en esta computadora',
    hqOwn: 'Sus validaciones en la sede central',
    hqOffice: 'Oficina regional {{office}} en la sede central',
    hqAll: 'Todas las validaciones en la sede central',
  },
  sync: {
    needsEnrolment: 'Inscriba este dispositivo en la sede central antes de sincronizar.',
    unreachable: 'No se pudo conectar con la sede central ({{detail}}).',
    unreachableNoDetail: 'No se pudo conectar con la sede central.',
    noAnswerWithin: 'La sede central no respondió en {{seconds}} s.',
    answeredStatus: 'La sede central respondió HTTP {{status}}.',
    noReceipts: 'La sede central respondió {{status}} sin una lista válida de acuses de recibo.',
    notUnderstood: 'La sede central respondió a {{path}} con algo que esta versión no entiende.',
    pullNotUnderstood: 'La sede central respondió a la descarga con algo que esta versión no entiende.',
    policyNotUnderstood: 'La sede central respondió al cambio de la política con algo que esta versión no entiende.',
    cursorStuck:
      'La sede central indicó que quedan más filas, pero no avanzó el cursor de descarga; inténtelo de nuevo más tarde.',
    tooManyPages:
      'La sede central siguió enviando páginas después de {{pages}}; el resto llegará con la próxima sincronización.',
    unanswered_one: 'La sede central no respondió por {{count}} cambio; se enviará de nuevo.',
    unanswered_many: 'La sede central no respondió por {{count}} cambios; se enviarán de nuevo.',
    unanswered_other: 'La sede central no respondió por {{count}} cambios; se enviarán de nuevo.',
    evidenceWaiting_one: '{{count}} archivo de evidencia no pudo llegar a la sede central',
    evidenceWaiting_many: '{{count}} archivos de evidencia no pudieron llegar a la sede central',
    evidenceWaiting_other: '{{count}} archivos de evidencia no pudieron llegar a la sede central',
    reviewEvidenceWaiting_one:
      '{{count}} archivo de evidencia para la revisión no se pudo descargar de la sede central',
    reviewEvidenceWaiting_many:
      '{{count}} archivos de evidencia para la revisión no se pudieron descargar de la sede central',
    reviewEvidenceWaiting_other:
      '{{count}} archivos de evidencia para la revisión no se pudieron descargar de la sede central',
    retrying: '{{reason, clauses}}; se intentará de nuevo a las {{at, time}}.',
    hqSaid: '{{text}}',
  },
  syncRefusal: {
    keptFailing:
      'La sede central falló {{times}} veces con este cambio mientras aceptaba otros (sede central: {{hq}}). Se apartó para que los demás puedan enviarse; envíelo de nuevo cuando la sede central lo haya corregido.',
    wholeRequest: 'La sede central rechazó este cambio: {{hq}}',
    entityNotTaken:
      'Este cambio no se puede enviar a la sede central: la sede central no acepta registros «{{entity}}».',
    operationNotTaken:
      'Este cambio no se puede enviar a la sede central: la sede central no acepta la operación «{{operation}}» en registros {{entity}}.',
    fieldInvalid: 'Este cambio no se puede enviar a la sede central: {{field}}: {{problem}}.',
  },
  evidenceUpload: {
    unreachable:
      'No se pudo conectar con la sede central ({{detail}}); «{{fileName}}» se enviará de nuevo en la próxima sincronización.',
    tokenRefused: 'La sede central rechazó el token de este dispositivo: {{hq}}',
    busy: 'La sede central no pudo recibir «{{fileName}}» en este momento (HTTP {{status}}); «{{fileName}}» se enviará de nuevo en la próxima sincronización.',
    partialGone:
      'La sede central ya no tenía la carga parcial de «{{fileName}}»; «{{fileName}}» se enviará de nuevo en la próxima sincronización.',
    checksum:
      'La sede central rechazó «{{fileName}}»: la copia de esta computadora no coincide con su huella digital (SHA-256), así que puede estar dañada. Retire esta evidencia y adjunte de nuevo el archivo original.',
    refused: 'La sede central rechazó «{{fileName}}» (HTTP {{status}}): {{hq}}.',
    refusedBecause: 'La sede central rechazó «{{fileName}}» (HTTP {{status}}): {{reason, clauses}}.',
    localDamaged:
      '«{{fileName}}» no se puede enviar a la sede central: su copia guardada está dañada en la carpeta de datos de esta computadora. Retire esta evidencia y adjunte de nuevo el archivo original.',
    localMissing:
      '«{{fileName}}» no se puede enviar a la sede central: falta su copia guardada en la carpeta de datos de esta computadora. Retire esta evidencia y adjunte de nuevo el archivo original.',
  },
  hqEvidence: {
    notReferenced:
      'Ninguna validación suya en la sede central hace referencia al archivo de evidencia {{sha256}}; sincronice primero su registro de evidencia',
    sizeMismatch: 'La carga declara {{declared}} bytes, pero el registro de evidencia indica {{recorded}} bytes',
    checksum:
      'Los bytes recibidos tienen el hash {{actual}}, no {{sha256}}: el archivo cambió o se dañó en el camino. La sede central no guardó nada; cargue el archivo de nuevo.',
    noSuchUpload: 'La sede central no tiene esa carga para este dispositivo',
    noSuchFile: 'La sede central no tiene ese archivo para usted',
    tokenMissing: 'Inscriba de nuevo este dispositivo: falta su token',
    tryLater: 'La sede central no pudo atender esta solicitud; inténtelo de nuevo más tarde',
  },
  reportWarning: {
    photoMissing: 'Foto omitida: «{{fileName}}» no está en esta computadora (falta su archivo).',
    photoNoLibrary: 'Foto omitida: «{{fileName}}» (no se pudo cargar aquí la biblioteca de imágenes).',
    photoUnreadable:
      'Foto omitida: «{{fileName}}» no se pudo leer aquí como imagen (el archivo puede estar dañado o en un formato como HEIC que no se puede mostrar).',
    leftOut: 'Se omitió la validación de {{member}} del {{date, date}} ({{id}}): {{detail}}.',
    leftOutUnnamed: 'Se omitió la validación {{id}}: {{detail}}.',
    recordUnreadable: 'su registro en esta computadora no se puede leer ({{error}})',
    copyUnreadable: 'su copia de la sede central no se puede leer; sincronice de nuevo para recibirla completa',
    findingsUnread_one:
      'Se omitió {{count}} hallazgo de la validación de {{member}} del {{date, date}} ({{id}}): no se puede leer en la copia de la sede central.',
    findingsUnread_many:
      'Se omitieron {{count}} hallazgos de la validación de {{member}} del {{date, date}} ({{id}}): no se pueden leer en la copia de la sede central.',
    findingsUnread_other:
      'Se omitieron {{count}} hallazgos de la validación de {{member}} del {{date, date}} ({{id}}): no se pueden leer en la copia de la sede central.',
  },
  startup: {
    title: 'CTPAT Validator no puede abrir sus datos',
    diskFull:
      'CTPAT Validator no puede abrir su carpeta de datos ({{dir}}): el disco de esta computadora está lleno. Libere espacio (vacíe la Papelera de reciclaje, mueva archivos grandes a otro lugar) e inténtelo de nuevo.',
    readOnly:
      'CTPAT Validator no puede abrir su carpeta de datos ({{dir}}): CTPAT Validator no puede escribir en su carpeta de datos ni en su base de datos (o la unidad es de solo lectura o está desconectada). Verifique que su cuenta pueda escribir en la carpeta de datos y en sus archivos, o inicie la aplicación con una carpeta de datos en la que pueda escribir (--data-dir o CTPAT_DATA_DIR); después inténtelo de nuevo.',
    locked:
      'CTPAT Validator no puede abrir su carpeta de datos ({{dir}}): otro programa está usando la base de datos, muy probablemente una segunda copia de CTPAT Validator. Cierre la otra copia de CTPAT Validator e inténtelo de nuevo.',
    corrupt:
      'CTPAT Validator no puede abrir su carpeta de datos ({{dir}}): la base de datos de la carpeta de datos está dañada. No borre ni modifique la carpeta de datos. Restáurela desde su copia de seguridad más reciente o comuníquese con soporte técnico con la carpeta para recuperar lo que contiene.',
    tooNew:
      'Esta carpeta de datos la escribió una versión más reciente de CTPAT Validator (versión del almacén {{found}}; esta versión entiende hasta la {{supported}}). No se cambió nada. Instale la última versión de CTPAT Validator para abrirla.',
  },
  memberRecord: {
    certifiedTier1: 'Un Socio certificado aún no validado está en el Nivel 1.',
    needsCertificationDate: 'Un Socio certificado o validado necesita su fecha de certificación.',
    validatedTier: 'Un Socio validado está en el Nivel 2 o el Nivel 3.',
    needsLastValidation: 'Un Socio validado necesita la fecha de su última validación.',
    approvedBeforeCertified: 'Una validación no puede aprobarse antes de que el Socio fuera certificado.',
    analystReadsOnly: 'Un analista de la sede central consulta los expedientes de los Socios pero no los cambia.',
    applicantNoTier: 'Un solicitante no tiene nivel.',
    extensionNotAnniversary:
      'Una prórroga es para la revisión del perfil que vence en un aniversario de la certificación.',
    extensionPending: 'Una solicitud de prórroga para esta revisión está pendiente de decisión.',
    extensionGranted: 'Ya se concedió una prórroga para esta revisión.',
    practicesOnlyTier3: 'Las mejores prácticas se registran con el Nivel 3; el Nivel 2 cumple los criterios.',
    suspendWhich: 'Solo un Socio certificado o validado puede ser suspendido.',
    supervisorOnly: 'Solo un supervisor puede cambiar el estado, el nivel, las fechas o las prórrogas de un Socio.',
    reinstateWhich: 'Solo un Socio suspendido puede reincorporarse.',
    certifyWhich: 'Solo un solicitante puede ser certificado; este Socio ya pasó esa etapa.',
    reviewReceiveFirst: 'Registre la revisión del Socio como recibida antes de aprobarla o devolverla.',
    revalidationNeedsCertification: 'Registre la fecha de certificación antes de fijar una fecha de revalidación.',
    reviewNeedsCertification: 'Registre primero la fecha de certificación: las revisiones siguen su aniversario.',
    reinstateBeforeTier: 'Reincorpore al Socio antes de fijar su nivel.',
    returnNeedsComments: 'Indique qué debe cambiar el Socio al devolver su revisión.',
    certifiedFuture: 'La fecha de certificación no puede ser futura.',
    dateFuture: 'La fecha no puede ser futura.',
    lastBeforeCertified: 'La última validación no puede ser anterior a la fecha de certificación.',
    lastFuture: 'La fecha de la última validación no puede ser futura.',
    historyFirst: 'El historial del expediente solo puede registrarse primero, antes de cualquier otro cambio.',
    reinstatedBeforeSuspension: 'La reincorporación no puede ser anterior a la suspensión.',
    reinstatedFuture: 'La fecha de reincorporación no puede ser futura.',
    removedFuture: 'La fecha de la baja no puede ser futura.',
    requestFuture: 'La fecha de la solicitud no puede ser futura.',
    revalidationPast: 'La fecha de revalidación no puede estar en el pasado.',
    reviewAlreadyReceived: 'La revisión ya se recibió: apruébela o devuélvala con comentarios.',
    suspendedFuture: 'La fecha de la suspensión no puede ser futura.',
    noPendingExtension: 'No hay ninguna solicitud de prórroga pendiente de decisión para esta revisión.',
    removedNoChanges:
      'Este Socio fue dado de baja de CTPAT: su expediente no admite más cambios de estado, revisión o validación.',
    approvedNoExtension: 'Esta revisión ya está aprobada: no necesita prórroga.',
    approvalOnRecord: 'La aprobación de esta validación ya consta en el expediente del Socio.',
    reviewAlreadyApproved: 'La revisión del perfil de este año ya está aprobada.',
    tier3NeedsPractice:
      'El Nivel 3 requiere al menos una mejor práctica que cumpla los cinco requisitos del marco de CBP.',
    tierNeedsApproval:
      'El Nivel {{tier}} se fija a partir de una validación aprobada de este Socio; esa validación no consta como aprobada en su expediente.',
    revalidationForwardOnly: 'Una revalidación solo puede adelantarse: elija una fecha anterior al {{date, date}}.',
    notAnniversary: 'El {{date, date}} no es un aniversario de la certificación del {{certifiedOn, date}}.',
    removedCannotValidate:
      'Este Socio fue dado de baja de CTPAT y no puede validarse. Una empresa dada de baja vuelve a solicitar como nuevo solicitante.',
    assignRemoved: 'Este Socio fue dado de baja de CTPAT: no se le puede asignar ninguna validación.',
    assignSuspended: 'Este Socio está suspendido: reincorpórelo antes de asignar una validación.',
    assignNeedsCertification:
      'Registre primero la fecha de certificación: hasta entonces no hay nada pendiente que asignar.',
    assignIsValidation: 'Este Socio aún no ha sido validado: asigne su primera validación, no una revalidación.',
    assignIsRevalidation: 'Este Socio ya fue validado antes: asigne una revalidación.',
    assignTargetPast: 'La fecha prevista no puede estar en el pasado.',
    assignTargetAfterDue:
      'La fecha prevista debe ser igual o anterior a la fecha límite de la validación ({{date, date}}).',
    assignTargetAfterYear:
      'Esta validación está vencida: elija una fecha prevista de este año, a más tardar el {{date, date}}.',
    assignNotInOffice:
      '{{name}} no es un SCSS de su oficina regional en esta computadora. Sincronice con la sede central para actualizar la lista y elija de nuevo.',
    assignUnknownUser:
      'La sede central no tiene el usuario {{userId}}; las validaciones se asignan a un SCSS que conozca.',
    assignNotScss: '{{name}} no es un SCSS; las validaciones se asignan a un SCSS.',
    assignOtherOffice: '{{name}} trabaja en la oficina regional {{office}}; asigne un SCSS de {{ownOffice}}.',
    memberNotHere: 'Ese Socio no está en esta computadora. Sincronice con la sede central para actualizar la lista.',
    stale:
      'El expediente del Socio cambió desde que lo abrió (está en la versión {{current}}; usted vio la {{seen}}). No se guardó nada: revise el expediente como está ahora y vuelva a hacer el cambio si aún corresponde.',
    refused: 'No se guardó nada: {{reason, messages}}',
    staleAtHq:
      'El expediente de este Socio en la sede central cambió antes de que llegara su cambio (la sede central está en la versión {{current}}; su cambio se hizo sobre la versión {{seen}}). La sede central conservó sus cambios, no el suyo: revise el expediente como está ahora y vuelva a hacer su cambio si aún corresponde.',
    otherOffice: 'Este Socio pertenece a la oficina de campo de {{office}}: solo su personal cambia su expediente.',
    idReused: 'La sede central ya tiene otro cambio con el identificador de este cambio; no se aplicó.',
    refusedAtHq: 'La sede central rechazó este cambio: {{reason}}',
    notSentAgain: 'No se volvió a enviar: el expediente como está ahora no lo permite. {{reason, messages}}',
    refusedChangeGone:
      'Ese cambio ya no espera una decisión (se volvió a enviar o se retiró, quizá en otra ventana). El expediente muestra cómo está.',
    notApprovedAtHq:
      'La sede central no tiene esta validación como aprobada: su aprobación llega al expediente del Socio cuando la sede central la tenga.',
    approvedFuture: 'La fecha de aprobación no puede ser futura.',
    approvalOtherMember:
      'La sede central tiene esta validación como validación de otro Socio, no de {{legalName}} ({{accountNumber}}): su aprobación consta solo en el expediente de ese Socio.',
    approvalDateDiffers:
      'La sede central tiene esta validación aprobada con la fecha del informe {{held, date}}, no {{sent, date}}: la aprobación consta en el expediente con la fecha de la sede central.',
    approvalMemberUnknown:
      'La sede central no puede saber de qué Socio es esta validación (no tiene para ella ni un identificador de Socio ni un número de cuenta): su aprobación no puede constar en el expediente de {{legalName}} ({{accountNumber}}).',
    approvalDateUnknown:
      'La sede central no tiene fecha del informe para la aprobación de esta validación: su aprobación llega al expediente del Socio cuando la sede central la tenga.',
  },
  words: {
    or: ' o ',
    reviewDecision: {
      CONCUR: 'Conforme',
      NON_CONCUR: 'No conforme',
      RETURN_FOR_CORRECTION: 'Devolver para corrección',
    },
    // Spanish names the step as what nobody can do yet: "nadie puede aprobar aquí todavía".
    workflowEvent: {
      SUBMIT: 'enviar la validación',
      WITHDRAW: 'retirar la validación',
      START_REVIEW: 'iniciar la revisión',
      RETURN: 'devolver la validación para corrección',
      APPROVE: 'aprobar la validación',
      ISSUE_REPORT: 'emitir el informe',
      CLOSE: 'cerrar la validación',
    },
    workflowEventName: {
      SUBMIT: 'Enviada',
      WITHDRAW: 'Retirada por el SCSS',
      START_REVIEW: 'Revisión iniciada',
      RETURN: 'Devuelta para corrección',
      APPROVE: 'Aprobada',
      ISSUE_REPORT: 'Informe emitido',
      CLOSE: 'Cerrada',
    },
    fileType: {
      JPEG: 'una foto JPEG',
      PNG: 'una imagen PNG',
      WEBP: 'una imagen WEBP',
      GIF: 'una imagen GIF',
      HEIC: 'una foto HEIC',
      PDF: 'un documento PDF',
      DOCX: 'un documento de Word',
      XLSX: 'un libro de Excel',
      TEXT: 'un archivo de texto sin formato',
      CSV: 'un archivo CSV',
    },
    checklistShort: {
      CONTAINER_7_POINT: 'inspección de contenedor',
      TRACTOR_TRAILER_17_POINT: 'inspección de tractor/remolque',
      SEAL_VVTT: 'revisión VVTT del sello',
    },
    checklistKind: {
      CONTAINER_7_POINT: 'Inspección de contenedor / IIT (7 puntos; 8 puntos si es refrigerado)',
      TRACTOR_TRAILER_17_POINT: 'Inspección de tractor (7) y remolque (10)',
      SEAL_VVTT: 'Verificación del sello: Ver, Verificar, Tirar, Torcer (VVTT)',
    },
    checklistName: {
      CONTAINER_7_POINT: 'inspección de contenedor de 7 puntos',
      CONTAINER_8_POINT: 'inspección de contenedor de 8 puntos',
      TRACTOR_TRAILER_17_POINT: 'inspección de tractor/remolque de 17 puntos',
      SEAL_VVTT: 'revisión VVTT del sello',
    },
  },
};
