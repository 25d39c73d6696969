let counter = 0;
exports.nanoid = () => `id${++counter}`;
