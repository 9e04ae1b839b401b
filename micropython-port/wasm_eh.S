# The exception tag that LLVM's Wasm SjLj lowering throws with. wasi-libc in
# zig provides __wasm_setjmp/__wasm_longjmp but not this tag, so define it.
.globl __c_longjmp
.tagtype __c_longjmp i32
__c_longjmp:
