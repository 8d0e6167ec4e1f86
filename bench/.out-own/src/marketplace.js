export {};
//# sourceMappingURL=marketplace.js.map