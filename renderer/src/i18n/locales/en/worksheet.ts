/** English text of the worksheet screens (filled as their text moves out of the components). */
export const worksheet = {};
