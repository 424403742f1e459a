/** English text of the review screens (filled as their text moves out of the components). */
export const review = {};
