/** English text of the worksheetParts screens (filled as their text moves out of the components). */
export const worksheetParts = {};
