package worddiff

import (
	"reflect"
	"testing"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		name     string
		a, b     []string
		del, ins []bool
	}{
		{"Same", []string{"x", "y"}, []string{"x", "y"}, []bool{false, false}, []bool{false, false}},
		{"Inserted", []string{"x", "z"}, []string{"x", "y", "z"}, []bool{false, false}, []bool{false, true, false}},
		{"Replaced", []string{"one para", "two"}, []string{"one paragraph", "two"}, []bool{true, false}, []bool{true, false}},
		{"Empty", nil, []string{"x"}, []bool{}, []bool{true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			del, ins := Match(tc.a, tc.b)
			if !reflect.DeepEqual(del, tc.del) || !reflect.DeepEqual(ins, tc.ins) {
				t.Errorf("Match(%q, %q) = %v, %v; want %v, %v", tc.a, tc.b, del, ins, tc.del, tc.ins)
			}
		})
	}
}
