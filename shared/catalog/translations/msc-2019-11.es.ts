import type { z } from 'zod';
import type { CatalogTranslationSchema } from '../translation-schema';

/**
 * Spanish overlay for edition MSC-2019-11 (Importers, U.S. Highway Carriers, Foreign Manufacturers).
 *
 * A paraphrase of the app's own English text in shared/catalog/editions/msc-2019-11.ts, not a copy of CBP's
 * Spanish MSC. Terminology follows the register of CBP's Spanish material for Mexican highway carriers and
 * foreign manufacturers (Criterios Mínimos de Seguridad, socio comercial, transportista de carretera, fabricante
 * extranjero, instrumentos de tráfico internacional, sellos de alta seguridad). Criterion IDs, sub-requirement keys
 * and the names CTPAT, MSC, ISO 17712, ISPM 15, NIST, VPN, VVTT, AEO/MRA and SCSS are kept as they are.
 */
export const msc201911Spanish = {
  formatVersion: 1,
  editionId: 'MSC-2019-11',
  language: 'es',
  verified: false,
  note:
    'Unverified: our own Spanish paraphrase of the English catalog text. It has not been checked against CBP’s ' +
    'Spanish MSC documents; until it is, the English edition is the reference.',
  title: 'Criterios Mínimos de Seguridad de CTPAT — versión final de noviembre de 2019',
  focusAreas: {
    CORP: 'Seguridad Corporativa',
    TRAN: 'Seguridad en el Transporte',
    PEOP: 'Seguridad del Personal y Seguridad Física',
  },
  categories: {
    '1': 'Visión de Seguridad y Responsabilidad',
    '2': 'Evaluación de Riesgos',
    '3': 'Socios Comerciales',
    '4': 'Ciberseguridad',
    '5': 'Seguridad de los Medios de Transporte y de los Instrumentos de Tráfico Internacional',
    '6': 'Seguridad de los Sellos',
    '7': 'Seguridad en los Procesos',
    '8': 'Seguridad Agrícola',
    '9': 'Seguridad Física',
    '10': 'Controles de Acceso Físico',
    '11': 'Seguridad del Personal',
    '12': 'Educación, Capacitación y Concientización',
  },
  criteria: {
    // ── 1. Visión de Seguridad y Responsabilidad ──
    '1.1': {
      summary:
        'Un alto directivo de la empresa firma una declaración de apoyo a la seguridad de la cadena de suministro y a CTPAT, que se exhibe en las instalaciones.',
      requirements: {
        a: 'Exhibir, a la vista de los empleados, una declaración de apoyo a la seguridad de la cadena de suministro firmada por un alto directivo.',
      },
    },
    '1.2': {
      summary:
        'La seguridad es tarea de todos: un equipo interdepartamental la dirige y las medidas de seguridad se integran en los procedimientos existentes.',
      requirements: {
        a: 'Formar un equipo de seguridad con personal de los departamentos pertinentes e integrar las medidas de seguridad en los procedimientos existentes de la empresa.',
      },
    },
    '1.3': {
      summary:
        'El programa de seguridad incluye un componente de revisión (auditoría) por escrito y se actualiza cuando cambian los riesgos o las operaciones.',
      requirements: {
        a: 'Documentar una revisión o auditoría periódica del programa de seguridad y actualizar el programa cuando cambien los riesgos o las operaciones.',
      },
    },
    '1.4': {
      summary:
        'Los puntos de contacto de CTPAT de la empresa conocen el programa y mantienen informada a la alta dirección.',
      requirements: {
        a: 'Los puntos de contacto conocen los requisitos de CTPAT e informan a la alta dirección sobre los asuntos, avances y resultados del programa.',
      },
    },
    // ── 2. Evaluación de Riesgos ──
    '2.1': {
      summary:
        'Una evaluación de riesgos general y documentada identifica las amenazas y vulnerabilidades de la cadena de suministro y las medidas que las mitigan.',
      requirements: {
        a: 'Realizar y documentar una evaluación de riesgos general de la cadena de suministro que abarque amenazas, vulnerabilidades y medidas de mitigación (el método de cinco pasos de CBP sirve de referencia).',
      },
    },
    '2.2': {
      summary:
        'La parte internacional de la evaluación de riesgos sigue el recorrido de la carga desde su origen hasta su distribución, con socios, modos de transporte y paradas.',
      requirements: {
        a: 'Documentar la parte internacional de la evaluación de riesgos, siguiendo la carga desde su punto de origen hasta el centro de distribución.',
        b: 'El mapa del flujo de la carga identifica a cada socio involucrado, cada modo de transporte y cada punto donde la carga permanece detenida.',
      },
    },
    '2.3': {
      summary: 'La evaluación de riesgos se revisa al menos una vez al año y se actualiza cuando hace falta.',
      requirements: {
        a: 'Revisar la evaluación de riesgos al menos una vez al año, o con mayor frecuencia si cambian los factores de riesgo, y actualizarla según sea necesario.',
      },
    },
    '2.4': {
      summary: 'Existen planes por escrito de manejo de crisis, continuidad del negocio y recuperación.',
      requirements: {
        a: 'Mantener planes por escrito para el manejo de crisis, la continuidad del negocio, la recuperación de la seguridad y la reanudación de las operaciones.',
      },
    },
    // ── 3. Socios Comerciales ──
    '3.1': {
      summary:
        'Los socios comerciales se evalúan y supervisan mediante un proceso escrito basado en riesgos; se recomienda buscar indicios de lavado de dinero y financiamiento del terrorismo.',
      requirements: {
        a: 'Contar con un proceso escrito y basado en riesgos para evaluar a los nuevos socios comerciales y supervisar a los existentes.',
        b: 'Incluir en la evaluación de socios la revisión de indicadores de lavado de dinero y de financiamiento del terrorismo.',
      },
    },
    '3.4': {
      summary:
        'La evaluación de socios toma en cuenta la certificación CTPAT o AEO reconocida por un MRA; la constancia de esa condición se conserva y se vigila.',
      requirements: {
        a: 'Al evaluar a los socios, verificar si cuentan con certificación CTPAT o AEO reconocida por un MRA, conservar la constancia y seguir vigilándola.',
      },
    },
    '3.5': {
      summary:
        'La debida diligencia, como visitas o cuestionarios, confirma que los socios que realizan trabajos subcontratados cumplen con los MSC.',
      requirements: {
        a: 'Para los trabajos subcontratados de la cadena de suministro, aplicar una debida diligencia documentada (visitas a las instalaciones, cuestionarios) que confirme que los socios cumplen con los MSC.',
      },
    },
    '3.6': {
      summary:
        'Las deficiencias de seguridad encontradas en los socios comerciales se corrigen con prontitud y las correcciones se documentan.',
      requirements: {
        a: 'Lograr que los socios corrijan sus deficiencias lo antes posible y conservar documentación que demuestre que la mitigación se llevó a cabo.',
      },
    },
    '3.7': {
      summary:
        'Las evaluaciones de seguridad de los socios se actualizan periódicamente o cuando cambia el riesgo de un socio.',
      requirements: {
        a: 'Actualizar las evaluaciones de seguridad de los socios comerciales con una periodicidad establecida, o antes si cambian las circunstancias o el riesgo.',
      },
    },
    '3.8': {
      summary:
        'Los traslados por carretera con destino a EE. UU. solo se subcontratan a transportistas de carretera certificados en CTPAT o con contrato directo por escrito.',
      requirements: {
        a: 'Subcontratar el transporte por carretera con destino a EE. UU. únicamente con transportistas de carretera certificados en CTPAT o vinculados por un contrato directo por escrito.',
      },
    },
    '3.9': {
      summary:
        'Un programa de responsabilidad social establece cómo la empresa evita el trabajo forzoso en las mercancías que maneja.',
      requirements: {
        a: 'Mantener un programa documentado de responsabilidad social que establezca, como mínimo, cómo se asegura la empresa de que las mercancías destinadas a EE. UU. no se fabriquen con trabajo forzoso.',
      },
    },
    // ── 4. Ciberseguridad ──
    '4.1': {
      summary:
        'Una política y procedimientos de ciberseguridad completos y por escrito abarcan todos los criterios de esta categoría.',
      requirements: {
        a: 'Mantener políticas y procedimientos de ciberseguridad por escrito que atiendan todos los criterios de ciberseguridad.',
      },
    },
    '4.2': {
      summary:
        'La informática se protege con antimalware, firewalls o detección de intrusiones, parches, defensas contra la ingeniería social y recuperación de datos y sistemas.',
      requirements: {
        a: 'Mantener al día las defensas contra malware e intrusiones, aplicar los parches de seguridad, protegerse contra la ingeniería social y poder restaurar los datos y sistemas informáticos.',
      },
    },
    '4.3': {
      summary:
        'La infraestructura informática se somete con regularidad a pruebas de seguridad y se corrigen los problemas encontrados.',
      requirements: {
        a: 'Probar con regularidad la seguridad de la infraestructura informática (por ejemplo, con escaneos de vulnerabilidades) y corregir lo que detecten las pruebas.',
      },
    },
    '4.4': {
      summary:
        'Una política rige el intercambio de información sobre amenazas cibernéticas con el gobierno y los socios comerciales.',
      requirements: {
        a: 'Contar con una política para compartir información sobre amenazas de ciberseguridad con el gobierno y con otros socios comerciales.',
      },
    },
    '4.5': {
      summary:
        'Se detectan el acceso no autorizado, el mal uso de los sistemas y la alteración de datos, y se sanciona a los infractores.',
      requirements: {
        a: 'Establecer un mecanismo para detectar el acceso no autorizado a la informática, el uso indebido de los sistemas o la alteración de datos del negocio, y sancionar a los infractores.',
      },
    },
    '4.6': {
      summary: 'Las políticas y procedimientos de ciberseguridad se revisan al menos una vez al año.',
      requirements: {
        a: 'Revisar las políticas y procedimientos de ciberseguridad al menos una vez al año, o con mayor frecuencia si el riesgo lo exige, y actualizarlos.',
      },
    },
    '4.7': {
      summary:
        'El acceso a los sistemas depende del puesto, se revisa periódicamente y se retira cuando la persona deja la empresa.',
      requirements: {
        a: 'Otorgar el acceso informático según el puesto, revisar periódicamente los derechos de acceso y retirarlos cuando un empleado deja la empresa.',
      },
    },
    '4.8': {
      summary:
        'Cada usuario tiene una cuenta individual protegida por una contraseña robusta, una frase de contraseña o autenticación multifactor.',
      requirements: {
        a: 'Asignar a cada usuario una cuenta individual (sin cuentas compartidas) protegida con contraseñas robustas, frases de contraseña o autenticación multifactor.',
      },
    },
    '4.9': {
      summary:
        'Las conexiones remotas a los sistemas de la empresa son seguras (por ejemplo, VPN) y se bloquea a los usuarios remotos no autorizados.',
      requirements: {
        a: 'Usar tecnología segura, como una VPN, para el acceso remoto, con controles que impidan la entrada de usuarios remotos no autorizados.',
      },
    },
    '4.10': {
      summary:
        'Los dispositivos personales que se usan para trabajo de la empresa cumplen las políticas de ciberseguridad de la empresa.',
      requirements: {
        a: 'Cuando el personal pueda usar dispositivos personales para trabajo de la empresa, esos dispositivos quedan sujetos a las políticas y procedimientos de ciberseguridad de la empresa.',
      },
    },
    '4.11': {
      summary:
        'Hay medidas que impiden el uso de tecnología falsificada o sin la licencia debida en los sistemas de la empresa.',
      requirements: {
        a: 'Protegerse contra software y hardware falsificado o sin licencia en los sistemas de la empresa.',
      },
    },
    '4.12': {
      summary:
        'Se hacen respaldos de los datos con regularidad (cada semana o según corresponda) y se cifra la información sensible.',
      requirements: {
        a: 'Respaldar los datos cada semana o con otra frecuencia adecuada, y cifrar la información sensible o confidencial.',
      },
    },
    '4.13': {
      summary:
        'Los medios y equipos informáticos se inventarían y, al desecharlos, se borran conforme a una norma reconocida (como la del NIST).',
      requirements: {
        a: 'Llevar un inventario de los medios y equipos informáticos y, al desecharlos, borrarlos de forma segura o destruirlos conforme a una guía reconocida, como la del NIST.',
      },
    },
    // ── 5. Seguridad de los Medios de Transporte y de los Instrumentos de Tráfico Internacional ──
    '5.1': {
      summary:
        'Los medios de transporte y los instrumentos de tráfico internacional (IIT) se guardan en un lugar seguro contra el acceso no autorizado.',
      requirements: {
        a: 'Guardar los medios de transporte y los IIT en un área segura que impida el acceso no autorizado y la manipulación.',
      },
    },
    '5.2': {
      summary:
        'Procedimientos por escrito cubren tanto las inspecciones de seguridad como las agrícolas de los medios de transporte y de los IIT.',
      requirements: {
        a: 'Documentar los procedimientos de inspección de seguridad y agrícola de los medios de transporte y de los IIT.',
      },
    },
    '5.3': {
      summary:
        'Los medios de transporte y los IIT vacíos reciben inspecciones sistemáticas de seguridad y agrícolas al cargar y al entrar o salir de los patios de almacenamiento.',
      requirements: {
        a: 'Inspeccionar sistemáticamente los medios de transporte y los IIT vacíos en el punto de carga o llenado y en los patios de almacenamiento, en busca de compartimientos ocultos, manipulación y plagas visibles.',
      },
      entityGuidance: {
        IMP: 'Importadores: inspección de 7 puntos de los contenedores o ULD vacíos (8 puntos en unidades refrigeradas, con la carcasa del ventilador), más la inspección de 17 puntos del tractocamión y el remolque cuando se usan camiones.',
        HC: 'Transportistas de carretera: inspección de 17 puntos del tractocamión (7 puntos) y del remolque (10 puntos) al recoger la carga y antes de cada cruce fronterizo, incluida la revisión de plagas visibles.',
        FM: 'Fabricantes extranjeros: inspección de 7 puntos de los contenedores vacíos (8 puntos en unidades refrigeradas, con la carcasa del ventilador), más la inspección de 17 puntos del tractocamión y el remolque cuando se usan camiones.',
      },
    },
    '5.4': {
      summary:
        'Los herrajes exteriores resisten la manipulación y se revisan todas las partes del mecanismo de cierre antes de colocar un sello.',
      requirements: {
        a: 'Antes de sellar, revisar que puertas, manijas, barras, pasadores, remaches, soportes y todas las demás partes del mecanismo de cierre no presenten manipulación.',
      },
    },
    '5.5': {
      summary:
        'Cada inspección se registra en una lista de verificación con el número del IIT, la fecha, la hora, el inspector y las áreas revisadas.',
      requirements: {
        a: 'Registrar las inspecciones en una lista de verificación con el número del IIT, la fecha, la hora, el inspector y las áreas inspeccionadas; la lista acompaña a los documentos de embarque.',
      },
    },
    '5.6': {
      summary:
        'Las inspecciones se realizan en áreas con control de acceso y, donde lo haya, vigiladas por circuito cerrado de televisión.',
      requirements: {
        a: 'Realizar las inspecciones en un área con acceso controlado y, donde esté disponible, vigilada por cámaras.',
      },
    },
    '5.7': {
      summary:
        'La contaminación visible por plagas se elimina lavando o aspirando, y los registros se conservan durante un año.',
      requirements: {
        a: 'Lavar o aspirar la contaminación visible por plagas que se encuentre en los medios de transporte o en los IIT y conservar los registros correspondientes durante un año.',
      },
    },
    '5.8': {
      summary:
        'La gerencia realiza reinspecciones aleatorias de los medios de transporte, basadas en riesgos, después de la inspección de rutina.',
      requirements: {
        a: 'Lograr que la gerencia vuelva a revisar los medios de transporte al azar, con base en el riesgo, después de realizada la inspección normal.',
      },
    },
    '5.14': {
      summary:
        'La empresa acuerda con sus transportistas el rastreo de los medios de transporte desde el origen hasta el destino y lo establece en los contratos.',
      requirements: {
        a: 'Acordar con los transportistas cómo se rastrean los medios de transporte desde el origen hasta el destino final e incluir los requisitos de rastreo en los contratos con ellos.',
      },
    },
    '5.15': {
      summary:
        'Los embarcadores pueden seguir sus cargas con acceso mediante usuario y contraseña al sistema de rastreo GPS de la flota del transportista.',
      requirements: {
        a: 'El embarcador tiene acceso con usuario y contraseña al sistema de rastreo GPS de la flota del transportista para sus propios embarques.',
      },
      entityGuidance: {
        FM: 'Fabricantes extranjeros: obtengan acceso con usuario y contraseña al rastreo GPS de sus transportistas y úsenlo para seguir sus cargas.',
        HC: 'Transportistas de carretera: den a los embarcadores acceso con usuario y contraseña a su rastreo GPS de la flota para sus cargas.',
      },
    },
    '5.16': {
      summary:
        'Las cargas que circulan cerca de la frontera terrestre con EE. UU. siguen una política de cero paradas no programadas.',
      requirements: {
        a: 'Aplicar una política de no detenerse a los embarques cerca de la frontera terrestre con EE. UU., salvo paradas programadas o de emergencia.',
      },
    },
    '5.24': {
      summary:
        'En zonas de alto riesgo y justo antes del cruce fronterizo, personal capacitado hace una revisión de última oportunidad del camión y del sello (VVTT).',
      requirements: {
        a: 'Hacer que personal capacitado realice una inspección de última oportunidad del medio de transporte y una revisión VVTT del sello en zonas de alto riesgo y justo antes de la frontera.',
      },
    },
    '5.29': {
      summary:
        'Se alerta con rapidez a los socios comerciales y a las autoridades sobre amenazas creíbles o detectadas contra un embarque.',
      requirements: {
        a: 'Avisar lo antes posible a los socios afectados de la cadena de suministro y a las autoridades policiales competentes sobre una amenaza de seguridad creíble o detectada.',
      },
    },
    // ── 6. Seguridad de los Sellos ──
    '6.1': {
      summary:
        'Procedimientos detallados y por escrito para el control de sellos abarcan las instalaciones y el tránsito, y se revisan al menos una vez al año.',
      requirements: {
        a: 'Mantener procedimientos por escrito para los sellos de alta seguridad (acceso, resguardo, inventario, entrega, bitácora de sellos, quién puede colocarlos, revisiones en tránsito, discrepancias) y revisarlos cada año.',
      },
    },
    '6.2': {
      summary:
        'Todo embarque que pueda sellarse recibe un sello de alta seguridad ISO 17712 inmediatamente después del llenado o la carga.',
      requirements: {
        a: 'Colocar un sello de alta seguridad ISO 17712 (de perno o de cable) en todo embarque que pueda sellarse, inmediatamente después del llenado o la carga.',
      },
    },
    '6.3': {
      summary:
        'En recolecciones LTL o consolidadas, un candado de alta seguridad protege la carga y se coloca un sello ISO 17712 en la última parada antes de la frontera.',
      requirements: {
        a: 'Asegurar las cargas LTL, de ruta de recolección (milk run) o consolidadas al menos con un candado de alta seguridad durante las recolecciones cuando no se usa un centro de consolidación.',
        b: 'Colocar un sello ISO 17712 en el último punto de carga antes del cruce fronterizo.',
        c: 'Controlar estrictamente quién puede obtener las llaves o combinaciones de los candados.',
      },
    },
    '6.5': {
      summary:
        'Los socios que tienen existencias de sellos documentan que sus sellos cumplen la norma ISO 17712 vigente.',
      requirements: {
        a: 'Conservar documentación (por ejemplo, el certificado del fabricante) que demuestre que los sellos en inventario cumplen la ISO 17712 vigente.',
      },
    },
    '6.6': {
      summary:
        'Se realizan y documentan auditorías de sellos, como conteos del inventario y su conciliación con las bitácoras de sellos y los documentos.',
      requirements: {
        a: 'Auditar los sellos periódicamente contando el inventario y conciliándolo con la bitácora de sellos y los documentos de embarque, y documentar cada auditoría.',
      },
    },
    '6.7': {
      summary: 'Los sellos se verifican con el método VVTT: ver, verificar el número, jalar, y torcer y girar.',
      requirements: {
        a: 'Verificar los sellos con VVTT: ver el sello y los cierres, verificar el número contra los documentos, jalar el sello, torcer y girar el perno.',
      },
    },
    // ── 7. Seguridad en los Procesos ──
    '7.1': {
      summary:
        'La carga que permanece en espera durante la noche o por periodos largos se protege contra el acceso no autorizado.',
      requirements: {
        a: 'Proteger contra el acceso no autorizado la carga que se deja en las áreas de espera durante la noche o por periodos prolongados.',
      },
    },
    '7.2': {
      summary:
        'Las áreas de espera de la carga y sus alrededores se inspeccionan con regularidad para mantenerlas libres de plagas.',
      requirements: {
        a: 'Inspeccionar con regularidad las áreas de espera de la carga y sus alrededores para que se mantengan libres de contaminación visible por plagas.',
      },
    },
    '7.4': {
      summary: 'La carga y el llenado de la mercancía los supervisa un supervisor designado o un oficial de seguridad.',
      requirements: {
        a: 'Designar a un supervisor u oficial de seguridad que supervise la carga y el llenado de la mercancía.',
      },
    },
    '7.5': {
      summary:
        'Se toman fotografías del sello colocado en el punto de llenado y se envían al destino para su verificación.',
      requirements: {
        a: 'Fotografiar el sello en el punto de llenado y enviar las imágenes por medios electrónicos al destino para su verificación.',
      },
    },
    '7.6': {
      summary:
        'Los datos que se usan para el despacho de la carga son legibles, completos, exactos, protegidos contra alteraciones y se presentan a tiempo.',
      requirements: {
        a: 'Asegurarse de que la información usada para el despacho de la carga sea legible, completa y exacta, esté protegida contra cambios o pérdidas y se presente a tiempo.',
      },
    },
    '7.7': {
      summary: 'Los documentos de embarque y de comercio en papel se resguardan de forma segura.',
      requirements: {
        a: 'Resguardar los documentos de embarque y de comercio en papel contra el acceso no autorizado y la alteración.',
      },
    },
    '7.8': {
      summary: 'Los conocimientos de embarque y los manifiestos son exactos y se presentan a tiempo.',
      requirements: {
        a: 'Asegurarse de que los conocimientos de embarque y los manifiestos reflejen fielmente el embarque y se presenten a tiempo.',
      },
    },
    '7.10': {
      summary: 'Los documentos de embarque se revisan para detectar embarques sospechosos antes de que se muevan.',
      requirements: {
        a: 'Revisar los documentos y datos de embarque en busca de señales de un embarque sospechoso y escalar cualquier sospecha.',
      },
    },
    '7.23': {
      summary:
        'Procedimientos por escrito indican cómo se reportan y escalan los incidentes de seguridad, con contactos actualizados del SCSS, el puerto, la policía y los socios.',
      requirements: {
        a: 'Mantener procedimientos por escrito para reportar y escalar incidentes, con una lista de contactos actualizada que incluya al SCSS, las autoridades portuarias, las autoridades policiales y los socios.',
      },
    },
    '7.24': {
      summary: 'El personal cuestiona a las personas no identificadas o no autorizadas y hace que se les retire.',
      requirements: {
        a: 'Contar con procedimientos para identificar, cuestionar y retirar a las personas no autorizadas o no identificadas.',
      },
    },
    '7.25': {
      summary: 'Un canal anónimo permite a cualquiera reportar inquietudes de seguridad, y toda denuncia se investiga.',
      requirements: {
        a: 'Ofrecer un medio para reportar problemas de seguridad de forma anónima e investigar las denuncias recibidas.',
      },
    },
    '7.27': {
      summary: 'Los faltantes, sobrantes y otras anomalías de la carga se investigan y se resuelven.',
      requirements: {
        a: 'Investigar y resolver los faltantes, sobrantes y otras discrepancias o anomalías importantes en la carga.',
      },
    },
    '7.28': {
      summary:
        'La carga que llega se concilia con el manifiesto, y la que sale, con las órdenes de compra o de entrega.',
      requirements: {
        a: 'Conciliar la carga que llega con el manifiesto de carga y la carga que sale con las órdenes de compra o de entrega.',
      },
    },
    '7.29': {
      summary: 'El número de sello se envía al consignatario antes de que salga el embarque.',
      requirements: {
        a: 'Enviar el número de sello al consignatario antes de que el embarque parta.',
      },
    },
    '7.30': {
      summary: 'El número de sello aparece impreso en el conocimiento de embarque o en otros documentos de embarque.',
      requirements: {
        a: 'Imprimir el número de sello en el conocimiento de embarque o en otros documentos de embarque.',
      },
    },
    '7.37': {
      summary:
        'Cuando se conoce un incidente de seguridad, el socio inicia y documenta de inmediato su propia investigación interna.',
      requirements: {
        a: 'Abrir una investigación interna en cuanto la empresa se entere de un incidente de seguridad, y documentarla.',
      },
    },
    // ── 8. Seguridad Agrícola ──
    '8.1': {
      summary:
        'Procedimientos por escrito previenen la contaminación visible por plagas en toda la cadena de suministro, incluido el cumplimiento de la NIMF 15 (ISPM 15) para el embalaje de madera.',
      requirements: {
        a: 'Mantener procedimientos por escrito, aplicados en toda la cadena de suministro, para prevenir la contaminación visible por plagas, incluidas las reglas de la NIMF 15 (ISPM 15) para el material de embalaje de madera.',
      },
    },
    // ── 9. Seguridad Física ──
    '9.1': {
      summary:
        'Las áreas de manejo y almacenamiento de la carga, los patios y las oficinas tienen barreras físicas o elementos disuasivos contra la entrada no autorizada.',
      requirements: {
        a: 'Proteger las instalaciones de manejo y almacenamiento de la carga, los patios de remolques y las oficinas con barreras físicas o elementos disuasivos contra el acceso no autorizado.',
      },
    },
    '9.2': {
      summary:
        'Las cercas perimetrales e interiores se inspeccionan con regularidad y se reparan cuando están dañadas.',
      requirements: {
        a: 'Delimitar las áreas de carga con cercas perimetrales e interiores, inspeccionar su integridad con regularidad y reparar cualquier daño.',
      },
    },
    '9.4': {
      summary: 'Las puertas de acceso por las que pasan vehículos o personas tienen personal o están vigiladas.',
      requirements: {
        a: 'Asignar personal o vigilancia a cada puerta de acceso por la que entran o salen vehículos o personas.',
      },
    },
    '9.5': {
      summary:
        'Los vehículos particulares se mantienen alejados de las áreas de manejo de la carga y de los medios de transporte.',
      requirements: {
        a: 'No permitir que los vehículos particulares de pasajeros se estacionen dentro o junto a las áreas de manejo y almacenamiento de la carga ni junto a los medios de transporte.',
      },
    },
    '9.6': {
      summary:
        'Las entradas, salidas, áreas de manejo y almacenamiento de la carga y áreas de estacionamiento tienen iluminación adecuada.',
      requirements: {
        a: 'Proporcionar iluminación adecuada dentro y fuera de las instalaciones, incluidas las entradas, salidas, áreas de carga y áreas de estacionamiento.',
      },
    },
    '9.7': {
      summary:
        'La tecnología de seguridad, como cámaras y alarmas, vigila las instalaciones y disuade las intrusiones.',
      requirements: {
        a: 'Usar tecnología de seguridad para vigilar las instalaciones e impedir el acceso no autorizado a las áreas sensibles.',
      },
    },
    '9.8': {
      summary:
        'Una política por escrito regula el uso, el mantenimiento, las pruebas y la protección de la tecnología de seguridad, incluidos los controles sobre la vigilancia externa.',
      requirements: {
        a: 'Mantener una política por escrito sobre el uso, mantenimiento, prueba y protección de la tecnología de seguridad, con controles para cualquier vigilancia remota o contratada.',
      },
    },
    '9.9': {
      summary: 'La tecnología de seguridad la instalan proveedores con licencia o certificados.',
      requirements: {
        a: 'Recurrir a proveedores con licencia o certificados para diseñar e instalar la tecnología de seguridad.',
      },
    },
    '9.10': {
      summary:
        'La infraestructura que soporta la tecnología de seguridad está protegida físicamente contra el acceso no autorizado.',
      requirements: {
        a: 'Proteger físicamente contra el acceso no autorizado los equipos y la infraestructura que hacen funcionar la tecnología de seguridad.',
      },
    },
    '9.11': {
      summary: 'Los sistemas de seguridad cuentan con energía de respaldo para seguir funcionando durante los cortes.',
      requirements: {
        a: 'Disponer de una fuente de energía alterna para que la tecnología de seguridad siga funcionando si falla el suministro principal.',
      },
    },
    '9.12': {
      summary: 'Las cámaras y los sistemas de alarma vigilan las instalaciones y las áreas sensibles.',
      requirements: {
        a: 'Usar cámaras y alarmas para vigilar las instalaciones y disuadir el acceso no autorizado a las áreas sensibles.',
      },
    },
    '9.13': {
      summary:
        'Las cámaras cubren las áreas clave del proceso de importación y exportación; se recomienda grabar con la mejor calidad disponible y de forma ininterrumpida.',
      requirements: {
        a: 'Colocar las cámaras de modo que cubran las áreas de las instalaciones que son importantes para el proceso de importación y exportación.',
        b: 'Grabar con la mayor calidad de imagen razonablemente disponible, las 24 horas del día, los 7 días de la semana.',
      },
    },
    '9.14': {
      summary: 'Una alarma o notificación avisa cuando las cámaras dejan de funcionar o de grabar.',
      requirements: {
        a: 'Configurar una alarma o notificación que indique cuando una cámara falla o deja de grabar.',
      },
    },
    '9.15': {
      summary:
        'Las grabaciones de las cámaras se revisan a intervalos aleatorios, y las revisiones se documentan y se conservan.',
      requirements: {
        a: 'Revisar las grabaciones de las cámaras de forma periódica y aleatoria, y conservar un registro escrito de cada revisión y de sus hallazgos.',
      },
    },
    '9.16': {
      summary: 'Las grabaciones de las cámaras se conservan el tiempo suficiente para apoyar una investigación.',
      requirements: {
        a: 'Conservar las grabaciones de las cámaras el tiempo suficiente para que estén disponibles en la investigación de un embarque.',
      },
    },
    // ── 10. Controles de Acceso Físico ──
    '10.1': {
      summary:
        'Procedimientos por escrito regulan la entrega, el cambio y el retiro de gafetes y llaves; el acceso corresponde al puesto y termina con la salida de la persona.',
      requirements: {
        a: 'Mantener procedimientos por escrito para entregar, cambiar y retirar gafetes de identificación y dispositivos de acceso; limitar el acceso según el puesto y retirarlo cuando la persona deja la empresa.',
      },
    },
    '10.2': {
      summary:
        'Los visitantes muestran una identificación con fotografía y se anotan en una bitácora de visitantes; se recomiendan gafetes temporales y acompañamiento.',
      requirements: {
        a: 'Revisar la identificación con fotografía de cada visitante a su llegada.',
        b: 'Llevar una bitácora de visitantes con la fecha, el nombre del visitante, la verificación de su identificación, la hora de llegada, el contacto en la empresa y la hora de salida.',
        c: 'Entregar a los visitantes un gafete temporal que porten a la vista durante su estancia.',
        d: 'Acompañar a los visitantes mientras estén en las instalaciones.',
      },
    },
    '10.3': {
      summary:
        'Los conductores que entregan o recogen carga se identifican plenamente con una identificación con fotografía oficial o del transportista.',
      requirements: {
        a: 'Antes de admitirlos, identificar plenamente a los conductores que entregan o recogen carga con una identificación con fotografía expedida por el gobierno (o por el transportista).',
      },
    },
    '10.4': {
      summary:
        'Una bitácora resguardada de recolección de carga registra a los conductores y sus medios de transporte a la llegada y a la salida.',
      requirements: {
        a: 'Registrar a su llegada a cada conductor que recoge carga, con los datos de su medio de transporte, en una bitácora de recolección de carga, y registrar su salida.',
        b: 'Mantener resguardada la bitácora de recolección de carga.',
        c: 'No permitir que los conductores tengan acceso a la bitácora de recolección de carga.',
      },
    },
    '10.7': {
      summary:
        'Las entregas llegan con cita, y el transportista avisa con anticipación la hora de llegada, el conductor y el camión.',
      requirements: {
        a: 'Programar la llegada de la carga con cita, y que el transportista avise con anticipación a las instalaciones la hora estimada de llegada, el conductor y el camión.',
      },
    },
    '10.8': {
      summary: 'El correo y los paquetes que llegan se revisan antes de distribuirse.',
      requirements: {
        a: 'Revisar los paquetes y el correo que llegan en busca de contrabando o artículos sospechosos antes de distribuirlos.',
      },
    },
    '10.9': {
      summary: 'Las entregas de proveedores y prestadores de servicios se limitan a un área vigilada.',
      requirements: {
        a: 'Limitar las entregas a un área designada que esté vigilada.',
      },
    },
    '10.10': {
      summary: 'Los guardias de seguridad siguen consignas por escrito, y la gerencia audita que las cumplan.',
      requirements: {
        a: 'Dar a los guardias de seguridad instrucciones de trabajo por escrito y hacer que la gerencia audite periódicamente su cumplimiento.',
      },
    },
    // ── 11. Seguridad del Personal ──
    '11.1': {
      summary:
        'Procedimientos de contratación por escrito evalúan a los candidatos y verifican lo que declaran en sus solicitudes.',
      requirements: {
        a: 'Mantener procedimientos por escrito para evaluar a los posibles empleados y verificar la información que proporcionan en sus solicitudes.',
      },
    },
    '11.2': {
      summary:
        'Se hacen verificaciones de antecedentes (identidad, antecedentes penales) al personal y, cuando es posible, a los contratistas, y se repiten periódicamente.',
      requirements: {
        a: 'Verificar los antecedentes (identidad y antecedentes penales) de empleados y contratistas en la medida en que la ley lo permita, y repetir la verificación periódicamente o cuando haya motivo.',
      },
    },
    '11.5': {
      summary:
        'Un código de conducta para empleados establece el comportamiento esperado, y cada empleado firma que lo conoce.',
      requirements: {
        a: 'Contar con un código de conducta que describa el comportamiento esperado y las sanciones, y obtener el acuse de recibo de cada empleado.',
      },
    },
    // ── 12. Educación, Capacitación y Concientización ──
    '12.1': {
      summary:
        'Un programa de capacitación en concientización sobre seguridad abarca al personal de nuevo ingreso y temas según el puesto, y se conservan los registros de capacitación.',
      requirements: {
        a: 'Impartir un programa de capacitación en seguridad y concientización sobre amenazas para el personal de nuevo ingreso y el existente, adaptado a cada puesto, y conservar los registros de capacitación.',
      },
    },
    '12.2': {
      summary:
        'El personal que inspecciona medios de transporte e IIT está capacitado para detectar compartimientos ocultos y plagas, con cursos de actualización periódicos.',
      requirements: {
        a: 'Capacitar al personal que inspecciona medios de transporte e IIT para detectar compartimientos ocultos, manipulación y plagas, y actualizar la capacitación periódicamente.',
      },
    },
    '12.4': {
      summary:
        'La empresa comprueba que su capacitación cumplió sus objetivos, por ejemplo con exámenes o cuestionarios.',
      requirements: {
        a: 'Comprobar que la capacitación logró sus objetivos, por ejemplo mediante exámenes, cuestionarios o simulacros.',
      },
    },
    '12.6': {
      summary:
        'El personal pertinente recibe cada año capacitación sobre lavado de dinero basado en el comercio y financiamiento del terrorismo.',
      requirements: {
        a: 'Capacitar al personal pertinente, al menos una vez al año, sobre las señales de alerta de lavado de dinero basado en el comercio y de financiamiento del terrorismo.',
      },
    },
    '12.7': {
      summary:
        'El personal pertinente está capacitado para prevenir la contaminación por plagas y en las reglas de la NIMF 15 (ISPM 15) para el embalaje de madera.',
      requirements: {
        a: 'Capacitar al personal pertinente en la prevención de la contaminación visible por plagas, las reglas de la NIMF 15 (ISPM 15) para el embalaje de madera y el reconocimiento de madera infestada.',
      },
    },
    '12.8': {
      summary: 'El personal está capacitado en ciberseguridad, incluida la protección de sus contraseñas.',
      requirements: {
        a: 'Capacitar al personal en las políticas de ciberseguridad de la empresa, incluido cómo proteger las contraseñas y el acceso a las computadoras.',
      },
    },
    '12.9': {
      summary: 'Las personas que operan y administran la tecnología de seguridad están capacitadas para usarla.',
      requirements: {
        a: 'Capacitar a las personas que operan y administran los sistemas de tecnología de seguridad.',
      },
    },
    '12.10': {
      summary:
        'El personal está capacitado para reconocer y reportar incidentes de seguridad y actividades sospechosas.',
      requirements: {
        a: 'Capacitar al personal en los procedimientos para reportar incidentes de seguridad y actividades sospechosas.',
      },
    },
  },
  checklists: {
    CONTAINER_7_POINT: {
      title: 'Inspección de contenedor / IIT (7 puntos; 8 puntos en unidades refrigeradas)',
      items: {
        'front-wall': 'Pared frontal',
        'left-side': 'Lado izquierdo',
        'right-side': 'Lado derecho',
        floor: 'Piso',
        'ceiling-roof': 'Techo interior / techo exterior',
        doors: 'Puertas por dentro y por fuera, incluido el mecanismo de cierre',
        undercarriage: 'Exterior / parte inferior (chasis)',
        'fan-housing': 'Carcasa del ventilador (unidades refrigeradas)',
      },
    },
    TRACTOR_TRAILER_17_POINT: {
      title: 'Inspección del tractocamión (7) y del remolque (10)',
      items: {
        'tractor-bumper-tires-rims': 'Defensa, llantas y rines',
        'tractor-doors-compartments': 'Puertas, compartimientos de herramientas y cerraduras',
        'tractor-battery-box': 'Caja de baterías',
        'tractor-air-breather': 'Respiradero de aire',
        'tractor-fuel-tanks': 'Tanques de combustible',
        'tractor-cab-sleeper': 'Interior de la cabina y camarote',
        'tractor-fairing-roof': 'Deflector de aire / techo',
        'trailer-fifth-wheel': 'Área de la quinta rueda (compartimiento natural / placa deslizante)',
        'trailer-exterior': 'Exterior: frente y costados',
        'trailer-rear-bumper-doors': 'Defensa trasera y puertas',
        'trailer-front-wall': 'Pared frontal',
        'trailer-left-side': 'Lado izquierdo',
        'trailer-right-side': 'Lado derecho',
        'trailer-floor': 'Piso',
        'trailer-ceiling-roof': 'Techo interior / techo exterior',
        'trailer-doors-locks': 'Puertas por dentro y por fuera, y cerraduras',
        'trailer-undercarriage': 'Exterior / parte inferior (chasis)',
      },
      groups: {
        Tractor: 'Tractocamión',
        Trailer: 'Remolque',
      },
    },
    SEAL_VVTT: {
      title: 'Verificación del sello: ver, verificar, jalar, girar (VVTT)',
      items: {
        view: 'Ver el sello y los mecanismos de cierre del contenedor',
        verify: 'Verificar el número de sello contra los documentos de embarque',
        tug: 'Jalar el sello para asegurarse de que está bien colocado',
        twist: 'Torcer y girar el sello de perno para asegurarse de que no se desenrosca ni se separa',
      },
    },
  },
} satisfies z.input<typeof CatalogTranslationSchema>;
