/*
 * disasm.c — `csp disasm`: prints every function of a compiled program with
 * its constants and instructions. Operand rendering is driven by the format
 * strings of lang/opcodes.h, so a new instruction needs no change here.
 *
 *   func main.fib (fib.csp:3) params=1 results=1 regs=4
 *     0000  [4]  JGTI      r0 1 -> 3
 *     0001  [5]  RET       r0 1
 *   ...
 */
#include <string.h>

#include "compile.h"

const char *const op_names[OP_NOPCODES] = {
#define OP_NAME(name, fmt, doc) #name,
    OPCODES(OP_NAME)
#undef OP_NAME
};

const char *const op_formats[OP_NOPCODES] = {
#define OP_FMT(name, fmt, doc) fmt,
    OPCODES(OP_FMT)
#undef OP_FMT
};

static void print_const(Proto *p, int i, FILE *out) {
    if (i < 0 || i >= p->nk) {
        fprintf(out, "K%d?", i);
        return;
    }
    Slot v = p->k[i];
    switch (p->ktag[i]) {
    case KT_INT: fprintf(out, "%lld", (long long)v.i); break;
    case KT_FLOAT: fprintf(out, "%g", v.f); break;
    case KT_STR: {
        Str *s = v.p;
        fputc('"', out);
        for (int64_t j = 0; j < str_len(s) && j < 40; j++) {
            char c = s->data[j];
            if (c == '\n') fputs("\\n", out);
            else if (c == '"') fputs("\\\"", out);
            else if ((unsigned char)c < 32) fprintf(out, "\\x%02x", c);
            else fputc(c, out);
        }
        if (str_len(s) > 40) fputs("...", out);
        fputc('"', out);
        break;
    }
    case KT_TYPE: fputs(v.p ? type_string(v.p) : "nil", out); break;
    case KT_PROTO: fprintf(out, "<%s>", ((Proto *)v.p)->name); break;
    case KT_NAME: fputs((const char *)v.p, out); break;
    case KT_CLOSURE: fprintf(out, "func %s", ((Closure *)v.p)->proto->name); break;
    }
}

static void print_operand(Proto *p, char f, Instr in, int which, int pc,
                          FILE *out) {
    unsigned u = which == 0 ? INS_A(in) : which == 1 ? INS_B(in) : INS_C(in);
    int s = which == 1 ? INS_SB(in) : which == 2 ? INS_SC(in) : (int)u;
    switch (f) {
    case 'r': fprintf(out, " r%u", u); break;
    case 'k': fputc(' ', out); print_const(p, (int)u, out); break;
    case 'u': fprintf(out, " %u", u); break;
    case 'i': fprintf(out, " %d", s); break;
    case 'j': fprintf(out, " -> %d", pc + 1 + s); break;
    default: break;
    }
}

void disasm_proto(Proto *p, FILE *out) {
    fprintf(out, "func %s (%s:%d) params=%d results=%d regs=%d%s%s\n", p->name,
            p->file, p->line, p->nparams, p->nresults, p->maxregs,
            p->variadic ? " variadic" : "", p->has_defer ? " defer" : "");
    if (p->native) {
        fprintf(out, "  native\n\n");
        return;
    }
    if (p->ncaps) {
        fprintf(out, "  captures:");
        for (int i = 0; i < p->ncaps; i++)
            fprintf(out, " %s%d", p->caps[i].from_up ? "u" : "r", p->caps[i].index);
        fputc('\n', out);
    }
    for (int i = 0; i < p->nk; i++) {
        fprintf(out, "  K%-3d ", i);
        print_const(p, i, out);
        fputc('\n', out);
    }
    for (int pc = 0; pc < p->ncode; pc++) {
        Instr in = p->code[pc];
        unsigned op = INS_OP(in);
        if (op >= OP_NOPCODES) {
            fprintf(out, "  %04d  ??? %llx\n", pc, (unsigned long long)in);
            continue;
        }
        fprintf(out, "  %04d  [%d]\t%-9s", pc, p->lines ? p->lines[pc] : 0,
                op_names[op]);
        const char *f = op_formats[op];
        for (int i = 0; i < 3; i++)
            print_operand(p, f[i], in, i, pc, out);
        if (f[3] == 'x' && pc + 1 < p->ncode) {
            /* the operand word is shown on the same line */
            Instr x = p->code[++pc];
            fputs("  |", out);
            for (int i = 0; i < 3; i++)
                print_operand(p, f[5 + i], x, i, pc, out);
        }
        if (pc == p->defer_ret_pc)
            fputs("\t; recovery epilogue", out);
        fputc('\n', out);
    }
    fputc('\n', out);
}

void disasm_program(CProgram *p, FILE *out) {
    for (int i = 0; i < p->nglobals; i++)
        fprintf(out, "global %d %s %s\n", i, p->ginfo[i].name,
                p->ginfo[i].type ? type_string(p->ginfo[i].type) : "?");
    if (p->nglobals)
        fputc('\n', out);
    for (int i = 0; i < p->nprotos; i++) {
        Proto *pr = p->protos[i];
        /* the standard library's functions only clutter the listing */
        if (strncmp(pr->file, "<std>", 5) == 0 && pr != p->main)
            continue;
        disasm_proto(pr, out);
    }
}
